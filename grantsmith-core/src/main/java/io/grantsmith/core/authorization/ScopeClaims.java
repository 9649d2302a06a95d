package io.grantsmith.core.authorization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The claims that OpenID Connect's scope values stand for (Core §5.4), and the claims the server sets in an ID
 * token itself, which the authorization server is never asked to supply.
 */
public final class ScopeClaims {
    /** The claims each shortcut scope requests, as OpenID Connect Core §5.4 lists them. */
    public static final Map<String, List<String>> BY_SCOPE = Map.of(
            "profile", List.of("name", "family_name", "given_name", "middle_name", "nickname",
                    "preferred_username", "profile", "picture", "website", "gender", "birthdate", "zoneinfo",
                    "locale", "updated_at"),
            "email", List.of("email", "email_verified"),
            "address", List.of("address"),
            "phone", List.of("phone_number", "phone_number_verified"));

    /** Claims the server puts into ID tokens (and {@code sub} into userinfo responses) on its own. */
    public static final Set<String> SET_BY_SERVER = Set.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti",
            "auth_time", "nonce", "acr", "azp", "at_hash", "c_hash", "s_hash", "sid");

    private static final List<String> SHORTCUT_ORDER = List.of("profile", "email", "address", "phone");

    private ScopeClaims() {
    }

    /** The claims {@code scopes} stand for, in §5.4's order. */
    public static List<String> of(Iterable<String> scopes) {
        Set<String> named = new LinkedHashSet<>();
        scopes.forEach(named::add);
        Set<String> claims = new LinkedHashSet<>();
        for (String scope : SHORTCUT_ORDER) {
            if (named.contains(scope)) {
                claims.addAll(BY_SCOPE.get(scope));
            }
        }
        return List.copyOf(claims);
    }
}
