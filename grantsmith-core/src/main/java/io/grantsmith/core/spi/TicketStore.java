package io.grantsmith.core.spi;

import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.model.TokenHash;
import java.time.Instant;

/** Password-grant tickets. A ticket can be used once: {@link #useTicket} is atomic. */
public interface TicketStore {
    void saveTicket(Ticket ticket);

    /**
     * Marks the ticket of {@code serviceId} with this hash used, if it is unused and unexpired at {@code now}.
     * A ticket of another service counts as not found.
     */
    TicketUse useTicket(TokenHash hash, long serviceId, Instant now);
}
