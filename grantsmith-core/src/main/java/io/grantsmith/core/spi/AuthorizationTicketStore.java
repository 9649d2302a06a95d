package io.grantsmith.core.spi;

import io.grantsmith.core.model.AuthorizationTicket;
import java.time.Instant;

/** Authorization tickets (between {@code /auth/authorization} and its {@code /issue} or {@code /fail}). */
public interface AuthorizationTicketStore {
    void saveAuthorizationTicket(AuthorizationTicket ticket);

    /**
     * Marks the ticket of {@code serviceId} this lookup finds used, if it is unused and unexpired at {@code now}: at
     * most one caller ever gets {@link TicketUse.Status#USED}. A ticket of another service counts as not found.
     */
    AuthorizationTicketUse useAuthorizationTicket(TokenLookup ticket, long serviceId, Instant now);
}
