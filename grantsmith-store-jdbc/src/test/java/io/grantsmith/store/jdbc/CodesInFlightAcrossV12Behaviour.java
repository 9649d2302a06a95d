package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Migration V12 (row keys for codes and tickets) on a database that a node from before it (schema V11) was using:
 * the authorization tickets, codes and password tickets that node saved (values without a key, rows found by hash)
 * are still usable exactly once after the upgrade; and what a node from before V12 can and cannot do on the new
 * schema (docs/OPERATIONS.md, "Upgrading to V12"). The rows are written with the statements that node ran (the
 * store's SQL as it was at V11), copied here.
 */
abstract class CodesInFlightAcrossV12Behaviour {
    /** The V11 store's inserts, as a node from before V12 still runs them. */
    static final String V11_INSERT_TICKET = "INSERT INTO authorization_tickets (hash, service_id, client_id, request, "
            + "issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)";
    static final String V11_INSERT_CODE = "INSERT INTO authorization_codes (hash, service_id, client_id, request, "
            + "approval, issued_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    static final String V11_UPSERT_PASSWORD_TICKET = "INSERT INTO tickets (hash, service_id, client_id, "
            + "client_id_alias_used, client_auth_method, scopes, resources, issued_at, expires_at, consumed_at) "
            + "VALUES (?, ?, ?, 0, NULL, 'read', NULL, ?, ?, NULL) ON CONFLICT (hash) DO UPDATE SET "
            + "consumed_at = excluded.consumed_at";
    static final String V11_REDEEM = "UPDATE authorization_codes SET redeemed_at = ? "
            + "WHERE hash = ? AND service_id = ? AND redeemed_at IS NULL AND expires_at > ? RETURNING request";

    private static final long SERVICE = 7;
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AuthorizationRows rows = new AuthorizationRows(new JsonColumns());
    private final RequestedAuthorization request = RequestedAuthorization.builder().clientId(42, false)
            .redirectUri("https://client.example/cb", false).scopes(Scopes.of("read")).build();
    private final UserApproval approval = new UserApproval("alice", null, null, null, null, List.of());

    /** The empty database's data source. */
    abstract DataSource dataSource();

    abstract Dialect dialect();

    /** Opens the store on the database, which migrates it to the newest version. */
    abstract JdbcStores openStores();

    @Test
    void whenUpgradedWithTicketsAndCodesInFlightThenEachIsUsableOnceAndNewOnesAreKeyed() throws Exception {
        migrateTo("11");
        String ticket = legacyValue();
        String code = legacyValue();
        String passwordTicket = legacyValue();
        run(V11_INSERT_TICKET, TokenHasher.hash(ticket).bytes(), SERVICE, 42L, rows.request(request), millis(NOW),
                millis(NOW.plusSeconds(600)));
        run(V11_INSERT_CODE, TokenHasher.hash(code).bytes(), SERVICE, 42L, rows.request(request),
                rows.approval(approval), millis(NOW), millis(NOW.plusSeconds(600)));
        run(V11_UPSERT_PASSWORD_TICKET, TokenHasher.hash(passwordTicket).bytes(), SERVICE, 42L, millis(NOW),
                millis(NOW.plusSeconds(600)));

        try (JdbcStores stores = openStores()) {
            assertThat(stores.authorizationTickets().useAuthorizationTicket(TokenLookup.of(ticket), SERVICE, NOW)
                    .status()).isEqualTo(TicketUse.Status.USED);
            assertThat(stores.authorizationTickets().useAuthorizationTicket(TokenLookup.of(ticket), SERVICE, NOW)
                    .status()).isEqualTo(TicketUse.Status.ALREADY_USED);
            assertThat(stores.authorizationCodes().redeem(TokenLookup.of(code), SERVICE, NOW))
                    .isInstanceOf(CodeRedemption.Redeemed.class);
            assertThat(stores.authorizationCodes().redeem(TokenLookup.of(code), SERVICE, NOW))
                    .isEqualTo(new CodeRedemption.AlreadyUsed(null));
            assertThat(stores.tickets().useTicket(TokenLookup.of(passwordTicket), SERVICE, NOW).status())
                    .isEqualTo(TicketUse.Status.USED);
            assertThat(stores.tickets().useTicket(TokenLookup.of(passwordTicket), SERVICE, NOW).status())
                    .isEqualTo(TicketUse.Status.ALREADY_USED);
        }
    }

    /**
     * A node from before V12 beside upgraded ones: its authorization tickets and codes are saved (as rows without a
     * key, which upgraded nodes use by hash) and it can redeem an upgraded node's code once (by hash, without an
     * index on it: a scan); but saving a password ticket fails, its upsert naming a hash index that is now partial.
     */
    @Test
    void whenANodeFromBeforeV12WritesIntoTheNewSchemaThenCodesWorkAndPasswordTicketsFail() throws Exception {
        openStores().close();
        String oldNodesCode = legacyValue();
        run(V11_INSERT_CODE, TokenHasher.hash(oldNodesCode).bytes(), SERVICE, 42L, rows.request(request),
                rows.approval(approval), millis(NOW), millis(NOW.plusSeconds(600)));
        TokenValue newNodesCode = new TokenValues(RANDOM, new io.grantsmith.core.token.TokenIds(
                java.time.Clock.systemUTC(), RANDOM)).newToken();

        try (JdbcStores stores = openStores()) {
            stores.authorizationCodes().saveAuthorizationCode(new io.grantsmith.core.model.AuthorizationCode(
                    newNodesCode.key(), newNodesCode.hash(), SERVICE, request, approval, NOW,
                    NOW.plusSeconds(600)));
            assertThat(stores.authorizationCodes().redeem(TokenLookup.of(oldNodesCode), SERVICE, NOW))
                    .isInstanceOf(CodeRedemption.Redeemed.class);
        }
        assertThat(run(V11_REDEEM, millis(NOW), newNodesCode.hash().bytes(), SERVICE, millis(NOW)))
                .as("the old node redeems the new node's code").isEqualTo(1);
        assertThat(run(V11_REDEEM, millis(NOW), newNodesCode.hash().bytes(), SERVICE, millis(NOW)))
                .as("once").isZero();
        assertThatThrownBy(() -> run(V11_UPSERT_PASSWORD_TICKET, TokenHasher.hash(legacyValue()).bytes(), SERVICE,
                42L, millis(NOW), millis(NOW.plusSeconds(600)))).isInstanceOf(SQLException.class)
                .hasMessageMatching("(?s).*(ON CONFLICT|on conflict).*");
    }

    private void migrateTo(String version) {
        dialect().flyway(dataSource(), new SecretSealer(TestStores.KEY, RANDOM)).target(version).load().migrate();
    }

    /** A value as minted before V12: 256 random bits, no key. */
    private static String legacyValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertThat(TokenFormat.keyOf(value)).isZero();
        return value;
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    /** Runs one statement with these parameters (byte[], Long or String); a RETURNING statement counts its rows. */
    private int run(String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            if (sql.contains("RETURNING")) {
                int count = 0;
                try (var results = statement.executeQuery()) {
                    while (results.next()) {
                        count++;
                    }
                }
                return count;
            }
            return statement.executeUpdate();
        }
    }
}
