package io.grantsmith.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the built-in authorization server's directory.
 *
 * @param passwordHash a self-describing slow-KDF hash (PHC string format), never the password
 * @param claims       what ID tokens and userinfo responses say about the user (OpenID Connect Core §5.1:
 *                     {@code name}, {@code email}, {@code email_verified}, ...) as the text of a JSON object,
 *                     checked when it was set; {@code {}} for none
 */
public record StoredUser(long serviceId, String username, String subject, String passwordHash, Instant createdAt,
        String claims) {
    /** The claims of a user who has none. */
    public static final String NO_CLAIMS = "{}";

    public StoredUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(claims, "claims");
    }

    /** A user without claims. */
    public StoredUser(long serviceId, String username, String subject, String passwordHash, Instant createdAt) {
        this(serviceId, username, subject, passwordHash, createdAt, NO_CLAIMS);
    }

    /** This user with {@code value} as its claims. */
    public StoredUser withClaims(String value) {
        return new StoredUser(serviceId, username, subject, passwordHash, createdAt, value);
    }

    @Override
    public String toString() { // claims are personal data: kept out of logs with the hash
        return "StoredUser[serviceId=" + serviceId + ", username=" + username + ", subject=" + subject + "]";
    }
}
