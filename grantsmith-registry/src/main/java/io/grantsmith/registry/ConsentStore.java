package io.grantsmith.registry;

import java.util.Collection;
import java.util.Set;

/**
 * What each user of the built-in authorization server has consented to: per (service, user, client), the scopes
 * the user allowed on the login and consent page. A later request of the same client for scopes within them is
 * let through a browser session without showing the page again.
 */
public interface ConsentStore {
    /** The scopes {@code subject} has allowed {@code clientId}; empty when none. */
    Set<String> granted(long serviceId, String subject, long clientId);

    /**
     * Adds {@code scopes} to what {@code subject} has allowed {@code clientId} (a union: earlier scopes stay).
     *
     * @param grantedAt when, in epoch seconds
     */
    void grant(long serviceId, String subject, long clientId, Collection<String> scopes, long grantedAt);

    /** Forgets everything {@code subject} allowed any client of the service (the user was deleted). */
    void forget(long serviceId, String subject);
}
