package io.grantsmith.core.grant;

import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.core.token.RefreshTokenSuccessors;
import io.grantsmith.core.token.TokenValues;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the engine hands every {@link GrantHandler.Factory}: its ports, its token values and its settings. A grant
 * handler takes what it needs from here, so that adding a grant never changes how the engine is assembled.
 *
 * @param issuance           the one step that mints, binds and saves new tokens
 * @param refreshSuccessors  derives a rotated refresh token's successor (from the engine's rotation secret)
 * @param ticketLifetime     how long a ticket of a grant finished by the authorization server stays usable
 * @param refreshGracePeriod how long an idempotent service answers a retry with a rotated-away refresh token
 */
public record EngineServices(
        ClientLookup clients,
        TokenStore tokens,
        TicketStore tickets,
        TokenValues values,
        TokenIssuance issuance,
        RefreshTokenSuccessors refreshSuccessors,
        Duration ticketLifetime,
        Duration refreshGracePeriod,
        Clock clock) {

    public EngineServices {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(refreshSuccessors, "refreshSuccessors");
        Objects.requireNonNull(ticketLifetime, "ticketLifetime");
        Objects.requireNonNull(refreshGracePeriod, "refreshGracePeriod");
        Objects.requireNonNull(clock, "clock");
    }
}
