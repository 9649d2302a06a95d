package io.grantsmith.registry;

import java.util.Optional;

/** Users of the built-in authorization server, per service. */
public interface UserRegistry {
    /** Adds a user; false when the service has a user with that username already. */
    boolean insert(StoredUser user);

    Optional<StoredUser> find(long serviceId, String username);

    /** Replaces subject and password hash of an existing user; false when there is none. */
    boolean update(StoredUser user);

    boolean delete(long serviceId, String username);
}
