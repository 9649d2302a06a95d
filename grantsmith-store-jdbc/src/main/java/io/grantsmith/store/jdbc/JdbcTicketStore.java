package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.millis;
import static io.grantsmith.store.jdbc.Columns.millisOrNull;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Password-grant tickets; using one is a single conditional UPDATE, so only one caller can win. */
final class JdbcTicketStore implements TicketStore {
    private final StoreWriter writer;
    private final JsonColumns json;

    JdbcTicketStore(StoreWriter writer, JsonColumns json) {
        this.writer = writer;
        this.json = json;
    }

    @Override
    public void saveTicket(Ticket ticket) {
        Params params = Params.of()
                .integerOrNull(RowMatch.column(ticket.key()))
                .blob(ticket.hash().bytes())
                .integer(ticket.serviceId())
                .integer(ticket.clientId())
                .bool(ticket.clientIdAliasUsed())
                .text(ticket.clientAuthMethod() == null ? null : ticket.clientAuthMethod().name())
                .text(ticket.scopes().toWire())
                .text(json.strings(ticket.resources()))
                .integer(millis(ticket.issuedAt()))
                .integer(millis(ticket.expiresAt()))
                .integerOrNull(millisOrNull(ticket.consumedAt()));
        writer.submit("saveTicket", context -> context.update(
                ticket.key() != 0 ? TicketSql.UPSERT : TicketSql.UPSERT_LEGACY, params));
    }

    /** When the conditional update changes nothing, one read on the writer's connection says why. */
    @Override
    public TicketUse useTicket(TokenLookup lookup, long serviceId, Instant now) {
        Params use = RowMatch.bind(Params.of().integer(millis(now)), lookup).integer(serviceId).integer(millis(now));
        Params find = RowMatch.bind(Params.of(), lookup).integer(serviceId);
        return writer.submit("useTicket", context -> {
            Optional<Ticket> used = context.first(TicketSql.USE.sql(lookup), use,
                    row -> ticketBeforeUse(lookup, row));
            if (used.isPresent()) {
                return TicketUse.used(used.get());
            }
            Optional<Boolean> consumed = context.first(TicketSql.STATE.sql(lookup), find, row -> {
                row.getLong("consumed_at");
                return !row.wasNull();
            });
            if (consumed.isEmpty()) {
                return TicketUse.failed(TicketUse.Status.NOT_FOUND);
            }
            return TicketUse.failed(consumed.get() ? TicketUse.Status.ALREADY_USED : TicketUse.Status.EXPIRED);
        });
    }

    private Ticket ticketBeforeUse(TokenLookup lookup, ResultSet row) throws SQLException {
        String method = row.getString("client_auth_method");
        return new Ticket(
                lookup.key(),
                lookup.hash(),
                row.getLong("service_id"),
                row.getLong("client_id"),
                row.getBoolean("client_id_alias_used"),
                method == null ? null : ClientAuthMethod.valueOf(method),
                Scopes.parse(row.getString("scopes")),
                json.strings(row.getString("resources")),
                instant(row, "issued_at"),
                instant(row, "expires_at"),
                null);
    }
}
