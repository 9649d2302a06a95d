package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.HttpTarget;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /client/delete} on the v3 and the v2 path and {@code /service/delete} over HTTP: the deleted client's or
 * service's tokens are inactive at once and their rows are gone from the SQLite file, while another client's stay.
 */
class ClientDeletionPurgeTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    @Test
    void whenAClientIsDeletedOnTheV3PathThenItsTokensAreInactiveAndTheirRowsGone() throws SQLException {
        ServiceRef service = SERVER.service("");
        ClientRef doomed = SERVER.client(service, "");
        ClientRef kept = SERVER.client(service, "");
        String doomedToken = token(service, doomed);
        String keptToken = token(service, kept);
        assertThat(accessTokenRows(doomed)).isEqualTo(1);

        assertThat(SERVER.call("DELETE", service.path("/client/delete/" + doomed.id())).bearer(service.apiSecret())
                .send().status()).isEqualTo(204);

        assertInactive(service, doomedToken);
        assertThat(accessTokenRows(doomed)).isZero();
        SERVER.post(service.path("/auth/introspection")).bearer(service.apiSecret())
                .json("{\"token\":\"" + keptToken + "\"}").send().assertAction("OK", "A056001");
        assertThat(accessTokenRows(kept)).isEqualTo(1);
    }

    @Test
    void whenAClientIsDeletedOnTheV2PathThenItsTokensAreInactiveAndTheirRowsGone() throws SQLException {
        ServiceRef service = SERVER.service("");
        ClientRef doomed = SERVER.client(service, "");
        String doomedToken = token(service, doomed);

        assertThat(SERVER.call("DELETE", "/api/client/delete/" + doomed.id())
                .header("Authorization", HttpTarget.basicHeader(Long.toString(service.id()), service.apiSecret()))
                .send().status()).isEqualTo(204);

        assertInactive(service, doomedToken);
        assertThat(accessTokenRows(doomed)).isZero();
    }

    @Test
    void whenAServiceIsDeletedThenEveryTokenOfItsClientsIsGone() throws SQLException {
        ServiceRef service = SERVER.service("");
        ClientRef first = SERVER.client(service, "");
        ClientRef second = SERVER.client(service, "");
        token(service, first);
        token(service, second);

        assertThat(SERVER.call("DELETE", service.path("/service/delete")).bearer(HttpFixture.ADMIN_TOKEN).send()
                .status()).isEqualTo(204);

        assertThat(accessTokenRows(first) + accessTokenRows(second)).isZero();
    }

    private static String token(ServiceRef service, ClientRef client) {
        return SERVER.apiToken(service, client, "grant_type=client_credentials").assertAction("OK", "A052001")
                .text("accessToken");
    }

    /** The token's row is gone: introspection says it does not exist, not that its client does not. */
    private static void assertInactive(ServiceRef service, String token) {
        SERVER.post(service.path("/auth/introspection")).bearer(service.apiSecret())
                .json("{\"token\":\"" + token + "\"}").send().assertAction("UNAUTHORIZED", "A057302");
    }

    private static long accessTokenRows(ClientRef client) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                        + SERVER.dataDir().resolve("grantsmith.db"));
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM access_tokens WHERE client_id = ?")) {
            count.setLong(1, Long.parseLong(client.id()));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
