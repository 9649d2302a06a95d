package io.grantsmith.facade.users;

import io.grantsmith.core.idtoken.UserClaimSource;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.registry.UserRegistry;
import java.util.Map;

/** The built-in users' claims by subject, for ID tokens and userinfo responses. */
public final class DirectoryClaims implements UserClaimSource {
    private final UserRegistry users;

    public DirectoryClaims(UserRegistry users) {
        this.users = users;
    }

    @Override
    public Map<String, Object> claims(long serviceId, String subject) {
        return users.findBySubject(serviceId, subject).map(StoredUser::claims).map(UserClaims::parse)
                .orElse(Map.of());
    }
}
