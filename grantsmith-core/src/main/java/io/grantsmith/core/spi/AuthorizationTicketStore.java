package io.grantsmith.core.spi;

import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.TokenHash;
import java.time.Instant;

/** Authorization tickets (between {@code /auth/authorization} and its {@code /issue} or {@code /fail}). */
public interface AuthorizationTicketStore {
    void saveAuthorizationTicket(AuthorizationTicket ticket);

    /**
     * Marks the ticket of {@code serviceId} with this hash used, if it is unused and unexpired at {@code now}: at
     * most one caller ever gets {@link TicketUse.Status#USED}. A ticket of another service counts as not found.
     */
    AuthorizationTicketUse useAuthorizationTicket(TokenHash hash, long serviceId, Instant now);
}
