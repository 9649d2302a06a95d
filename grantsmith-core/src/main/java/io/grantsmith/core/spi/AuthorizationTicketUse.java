package io.grantsmith.core.spi;

import io.grantsmith.core.model.AuthorizationTicket;
import java.util.Objects;

/**
 * The outcome of trying to use an authorization ticket.
 *
 * @param ticket the ticket, when {@code status} is {@link TicketUse.Status#USED}; else null
 */
public record AuthorizationTicketUse(TicketUse.Status status, AuthorizationTicket ticket) {
    public AuthorizationTicketUse {
        Objects.requireNonNull(status, "status");
        if ((status == TicketUse.Status.USED) != (ticket != null)) {
            throw new IllegalArgumentException("exactly a used ticket comes with the ticket");
        }
    }

    public static AuthorizationTicketUse used(AuthorizationTicket ticket) {
        return new AuthorizationTicketUse(TicketUse.Status.USED, ticket);
    }

    public static AuthorizationTicketUse failed(TicketUse.Status status) {
        return new AuthorizationTicketUse(status, null);
    }
}
