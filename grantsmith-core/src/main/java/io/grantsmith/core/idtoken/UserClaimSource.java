package io.grantsmith.core.idtoken;

import java.util.Map;

/**
 * The claims known about a user of the built-in user directory (name, email, ...), by subject: what ID tokens and
 * userinfo responses take their values from when the authorization server supplies none itself.
 */
@FunctionalInterface
public interface UserClaimSource {
    /** A source that knows no user: ID tokens then carry only the server's own claims. */
    UserClaimSource NONE = (serviceId, subject) -> Map.of();

    /**
     * The user's claims as plain JSON values (see {@link io.grantsmith.core.spi.JsonReader}); empty for a subject
     * the directory does not know (a user of the authorization server's own directory, say).
     *
     * @throws io.grantsmith.core.spi.StoreException when the directory could not be read
     */
    Map<String, Object> claims(long serviceId, String subject);
}
