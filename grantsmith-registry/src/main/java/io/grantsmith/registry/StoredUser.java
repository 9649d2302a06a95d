package io.grantsmith.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A user of the built-in authorization server's directory.
 *
 * @param passwordHash a self-describing slow-KDF hash (PHC string format), never the password
 */
public record StoredUser(long serviceId, String username, String subject, String passwordHash, Instant createdAt) {
    public StoredUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "StoredUser[serviceId=" + serviceId + ", username=" + username + ", subject=" + subject + "]";
    }
}
