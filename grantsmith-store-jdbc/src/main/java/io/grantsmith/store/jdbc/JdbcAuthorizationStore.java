package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.AuthorizationTicketUse;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization tickets and codes. Every write goes through the group-commit writer; using a ticket and
 * redeeming a code are conditional UPDATEs in one write operation, so exactly one caller wins, and the follow-up
 * reads that say why a caller lost run on the writer's connection within the same operation.
 */
final class JdbcAuthorizationStore implements AuthorizationTicketStore, AuthorizationCodeStore {
    private final StoreWriter writer;
    private final AuthorizationRows rows;

    JdbcAuthorizationStore(StoreWriter writer, AuthorizationRows rows) {
        this.writer = writer;
        this.rows = rows;
    }

    @Override
    public void saveAuthorizationTicket(AuthorizationTicket ticket) {
        Params params = Params.of()
                .integerOrNull(RowMatch.column(ticket.key()))
                .blob(ticket.hash().bytes())
                .integer(ticket.serviceId())
                .integer(ticket.clientId())
                .text(rows.request(ticket.request()))
                .integer(millis(ticket.issuedAt()))
                .integer(millis(ticket.expiresAt()));
        writer.submit("saveAuthorizationTicket", context -> context.update(AuthorizationSql.INSERT_TICKET, params));
    }

    @Override
    public AuthorizationTicketUse useAuthorizationTicket(TokenLookup lookup, long serviceId, Instant now) {
        Params use = RowMatch.bind(Params.of().integer(millis(now)), lookup).integer(serviceId).integer(millis(now));
        Params find = RowMatch.bind(Params.of(), lookup).integer(serviceId);
        return writer.submit("useAuthorizationTicket", context -> {
            Optional<AuthorizationTicket> used = context.first(AuthorizationSql.USE_TICKET.sql(lookup), use,
                    row -> new AuthorizationTicket(lookup.key(), lookup.hash(), serviceId,
                            rows.request(row.getString("request")), instant(row, "issued_at"),
                            instant(row, "expires_at")));
            if (used.isPresent()) {
                return AuthorizationTicketUse.used(used.get());
            }
            Optional<Boolean> consumed = context.first(AuthorizationSql.TICKET_STATE.sql(lookup), find, row -> {
                row.getLong("consumed_at");
                return !row.wasNull();
            });
            if (consumed.isEmpty()) {
                return AuthorizationTicketUse.failed(TicketUse.Status.NOT_FOUND);
            }
            return AuthorizationTicketUse.failed(consumed.get() ? TicketUse.Status.ALREADY_USED
                    : TicketUse.Status.EXPIRED);
        });
    }

    @Override
    public void saveAuthorizationCode(AuthorizationCode code) {
        Params params = Params.of()
                .integerOrNull(RowMatch.column(code.key()))
                .blob(code.hash().bytes())
                .integer(code.serviceId())
                .integer(code.clientId())
                .text(rows.request(code.request()))
                .text(rows.approval(code.approval()))
                .integer(millis(code.issuedAt()))
                .integer(millis(code.expiresAt()));
        writer.submit("saveAuthorizationCode", context -> context.update(AuthorizationSql.INSERT_CODE, params));
    }

    @Override
    public CodeRedemption redeem(TokenLookup lookup, long serviceId, Instant now) {
        Params redeem = RowMatch.bind(Params.of().integer(millis(now)), lookup).integer(serviceId)
                .integer(millis(now));
        Params find = RowMatch.bind(Params.of(), lookup).integer(serviceId);
        return writer.submit("redeemAuthorizationCode", context -> {
            Optional<AuthorizationCode> redeemed = context.first(AuthorizationSql.REDEEM.sql(lookup), redeem,
                    row -> new AuthorizationCode(lookup.key(), lookup.hash(), serviceId,
                            rows.request(row.getString("request")), rows.approval(row.getString("approval")), instant(row, "issued_at"),
                            instant(row, "expires_at")));
            if (redeemed.isPresent()) {
                return new CodeRedemption.Redeemed(redeemed.get());
            }
            // Optional<FamilyId> cannot hold "reused, no grant recorded yet": read the column into a holder
            Optional<FamilyId[]> reused = context.first(AuthorizationSql.MARK_REUSED.sql(lookup), find,
                    row -> new FamilyId[] {Columns.family(row, "grant_id")});
            if (reused.isPresent()) {
                return new CodeRedemption.AlreadyUsed(reused.get()[0]);
            }
            boolean exists = context.first(AuthorizationSql.CODE_EXISTS.sql(lookup), find, row -> true).isPresent();
            return exists ? new CodeRedemption.Expired() : new CodeRedemption.NotFound();
        });
    }

    @Override
    public boolean recordIssued(TokenLookup lookup, long serviceId, FamilyId grant) {
        Params params = RowMatch.bind(Params.of().blob(Columns.family(grant)), lookup).integer(serviceId);
        return writer.submit("recordAuthorizationCodeGrant", context -> context.first(
                AuthorizationSql.RECORD_ISSUED.sql(lookup), params, row -> row.getBoolean("reused")).orElse(false));
    }
}
