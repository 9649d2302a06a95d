package io.grantsmith.facade.purge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.IntrospectionRequest;
import io.grantsmith.api.dto.IntrospectionResponse;
import io.grantsmith.api.dto.StandardIntrospectionRequest;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.FastSigningKeys;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting a client or a service through the management API (the facade call both the v3 and the v2 routes make)
 * revokes its tokens at once and deletes their rows, counted in the database, while another client's stay.
 */
abstract class OwnerDeletionBehaviour {
    private static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdef";
    private static final List<String> TABLES = List.of("access_tokens", "grants", "tickets");

    private Grantsmith grantsmith;
    private long serviceId;

    /** A new, empty store. */
    protected abstract Stores openStores() throws Exception;

    /** A connection to the store's database, to count rows. */
    protected abstract Connection connect() throws SQLException;

    @BeforeEach
    void open() throws Exception {
        grantsmith = Grantsmith.builder().stores(openStores()).adminToken(ADMIN_TOKEN)
                .keyGenerator(new FastSigningKeys()).build();
        serviceId = grantsmith.services().create(json("{\"serviceName\":\"demo\"}")).get("apiKey").asLong();
    }

    @AfterEach
    void close() {
        grantsmith.close();
    }

    @Test
    void whenAClientIsDeletedThenItsTokensAreInactiveAndItsRowsAreGone() throws Exception {
        ObjectNode doomed = client();
        ObjectNode kept = client();
        Issued doomedTokens = issue(doomed);
        Issued keptTokens = issue(kept);
        assertThat(rows(doomed)).as("before").allSatisfy((table, count) -> assertThat(count).isPositive());
        assertThat(refreshRows(doomed)).isEqualTo(1);

        grantsmith.clients().delete(serviceId, doomed.get("clientId").asText());

        assertThat(active(doomedTokens.access())).isFalse();
        assertThat(active(doomedTokens.refresh())).isFalse();
        assertThat(introspect(doomedTokens.access()).getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(rows(doomed)).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
        assertThat(refreshRows(doomed)).isZero();
        assertThat(active(keptTokens.access())).isTrue();
        assertThat(active(keptTokens.refresh())).isTrue();
        assertThat(rows(kept)).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
        assertThat(refreshRows(kept)).isEqualTo(1);
    }

    @Test
    void whenAServiceIsDeletedThenEveryRowIssuedUnderItIsGone() throws Exception {
        ObjectNode first = client();
        ObjectNode second = client();
        issue(first);
        issue(second);

        grantsmith.services().delete(serviceId);

        assertThat(count("SELECT count(*) FROM access_tokens WHERE service_id = ?", serviceId)).isZero();
        assertThat(count("SELECT count(*) FROM grants WHERE service_id = ?", serviceId)).isZero();
        assertThat(count("SELECT count(*) FROM tickets WHERE service_id = ?", serviceId)).isZero();
        assertThat(count("SELECT count(*) FROM refresh_tokens", null)).isZero();
    }

    private record Issued(String access, String refresh) {
    }

    /**
     * A client_credentials token, a password grant with a refresh token, and a password ticket left pending: an
     * access token without a grant, one with, a refresh token, its grant and a ticket.
     */
    private Issued issue(ObjectNode client) {
        TokenResponse credentials = grantsmith.tokens().token(serviceId,
                basic("grant_type=client_credentials", client));
        assertThat(credentials.getAction()).isEqualTo(TokenResponse.Action.OK);
        TokenResponse password = grantsmith.tokens().token(serviceId,
                basic("grant_type=password&username=alice&password=pw", client));
        TokenIssueResponse issued = grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(password.getTicket()).setSubject("alice"));
        assertThat(issued.getRefreshToken()).isNotNull();
        grantsmith.tokens().token(serviceId, basic("grant_type=password&username=bob&password=pw", client));
        return new Issued(credentials.getAccessToken(), issued.getRefreshToken());
    }

    private ObjectNode client() {
        return grantsmith.clients().create(serviceId,
                json("{\"grantTypes\":[\"CLIENT_CREDENTIALS\",\"PASSWORD\",\"REFRESH_TOKEN\"]}"));
    }

    private boolean active(String token) {
        String content = grantsmith.introspection().standard(serviceId,
                new StandardIntrospectionRequest().setParameters("token=" + token)).getResponseContent();
        return json(content).get("active").asBoolean();
    }

    private IntrospectionResponse introspect(String token) {
        return grantsmith.introspection().introspection(serviceId, new IntrospectionRequest().setToken(token));
    }

    private Map<String, Long> rows(ObjectNode client) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, count("SELECT count(*) FROM " + table + " WHERE client_id = ?",
                    client.get("clientId").asLong()));
        }
        return counts;
    }

    private long refreshRows(ObjectNode client) throws SQLException {
        return count("SELECT count(*) FROM refresh_tokens r JOIN grants g ON g.id = r.family WHERE g.client_id = ?",
                client.get("clientId").asLong());
    }

    private long count(String sql, Long parameter) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setLong(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static TokenRequest basic(String parameters, ObjectNode client) {
        return new TokenRequest().setParameters(parameters).setClientId(client.get("clientId").asText())
                .setClientSecret(client.get("clientSecret").asText());
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
