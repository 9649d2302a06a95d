package io.grantsmith.core.spi;

import io.grantsmith.core.model.Ticket;
import java.time.Instant;

/** Password-grant tickets. A ticket can be used once: {@link #useTicket} is atomic. */
public interface TicketStore {
    void saveTicket(Ticket ticket);

    /**
     * Marks the ticket of {@code serviceId} this lookup finds used, if it is unused and unexpired at {@code now}.
     * A ticket of another service counts as not found.
     */
    TicketUse useTicket(TokenLookup ticket, long serviceId, Instant now);
}
