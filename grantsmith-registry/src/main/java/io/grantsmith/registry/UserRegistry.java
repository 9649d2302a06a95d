package io.grantsmith.registry;

import java.util.Optional;

/** Users of the built-in authorization server, per service. */
public interface UserRegistry {
    /** Adds a user; false when the service has a user with that username already. */
    boolean insert(StoredUser user);

    Optional<StoredUser> find(long serviceId, String username);

    /**
     * The user whose tokens carry {@code subject} (for ID tokens and userinfo, which know the subject only). Should
     * several users of the service share a subject (the directory refuses that, but older releases did not), the
     * one created first, then by username.
     */
    Optional<StoredUser> findBySubject(long serviceId, String subject);

    /** Replaces subject, password hash and claims of an existing user; false when there is none. */
    boolean update(StoredUser user);

    /** Replaces the claims of an existing user and nothing else; false when there is none. */
    boolean updateClaims(long serviceId, String username, String claims);

    boolean delete(long serviceId, String username);
}
