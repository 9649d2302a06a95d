package io.grantsmith.core.spi;

import io.grantsmith.core.model.Ticket;

/**
 * The outcome of trying to use a password-grant ticket.
 *
 * @param ticket the ticket as it was before this use, when {@code status} is {@link Status#USED}; else null
 */
public record TicketUse(Status status, Ticket ticket) {
    public enum Status {
        /** The ticket was unused and unexpired and is now marked used by this call. */
        USED,
        NOT_FOUND,
        EXPIRED,
        ALREADY_USED
    }

    public static TicketUse used(Ticket ticket) {
        return new TicketUse(Status.USED, ticket);
    }

    public static TicketUse failed(Status status) {
        return new TicketUse(status, null);
    }
}
