package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthorizationRequest;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FastSigningKeys;
import io.grantsmith.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Authorization tickets, authorization codes and password tickets carry an increasing row key (so that stores append
 * them to their key index) whose node bits are the node ID this node leased, as access and refresh tokens do: two
 * nodes sharing a database never mint the same key. Node IDs 0 to 4 are leased by other nodes here, so a random
 * node ID (what the authorization flow used before) would not pass.
 */
class CodeAndTicketKeysTest {
    private static final String REDIRECT = "https://client.example/cb";
    private static final int OTHER_NODES = 5;

    private final MutableClock clock = MutableClock.atFixedStart();
    private final MemoryStores stores = new MemoryStores();
    private Grantsmith grantsmith;
    private long serviceId;
    private ObjectNode client;

    @BeforeEach
    void start() {
        Instant now = clock.instant();
        for (int i = 0; i < OTHER_NODES; i++) {
            assertThat(stores.nodeLeases().acquire("other-node-" + i, now, now.plus(Duration.ofDays(1)))).hasValue(i);
        }
        grantsmith = Grantsmith.builder().stores(stores).clock(clock).adminToken(FacadeFixture.ADMIN_TOKEN)
                .keyGenerator(new FastSigningKeys()).build();
        serviceId = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"demo\","
                + "\"supportedScopes\":[{\"name\":\"read\",\"defaultEntry\":true}]}")).get("apiKey").asLong();
        client = grantsmith.clients().create(serviceId, FacadeFixture.json("{\"clientName\":\"web\","
                + "\"redirectUris\":[\"" + REDIRECT + "\"],"
                + "\"grantTypes\":[\"AUTHORIZATION_CODE\",\"PASSWORD\",\"REFRESH_TOKEN\"]}"));
    }

    @AfterEach
    void stop() {
        grantsmith.close();
    }

    @Test
    void whenATicketAndACodeAreMintedThenTheyCarryAnIncreasingKeyWithThisNodesLeasedId() {
        String first = authorize();
        String second = authorize();
        String code = grantsmith.authorizations().issue(serviceId, new AuthorizationIssueRequest()
                .setTicket(second).setSubject("alice")).getAuthorizationCode();

        for (String value : new String[] {first, second, code}) {
            assertThat(value).hasSize(TokenFormat.LENGTH);
            assertThat(nodeBits(TokenFormat.keyOf(value))).as(value).isEqualTo(OTHER_NODES);
        }
        assertThat(TokenFormat.keyOf(second)).isGreaterThan(TokenFormat.keyOf(first));
    }

    @Test
    void whenAPasswordTicketIsMintedThenItCarriesAKeyWithThisNodesLeasedId() {
        String ticket = grantsmith.tokens().token(serviceId, new TokenRequest()
                .setParameters("grant_type=password&username=alice&password=pw")
                .setClientId(client.get("clientId").asText()).setClientSecret(client.get("clientSecret").asText()))
                .getTicket();

        assertThat(ticket).hasSize(TokenFormat.LENGTH);
        assertThat(nodeBits(TokenFormat.keyOf(ticket))).isEqualTo(OTHER_NODES);
    }

    private String authorize() {
        String ticket = grantsmith.authorizations().authorization(serviceId, new AuthorizationRequest().setParameters(
                "response_type=code&client_id=" + client.get("clientId").asText() + "&redirect_uri=" + REDIRECT))
                .getTicket();
        assertThat(ticket).isNotNull();
        return ticket;
    }

    /** The node bits of a row key (see TokenIds: 43 bits of time, 10 of node, 11 of sequence). */
    private static long nodeBits(long key) {
        return (key >>> 11) & 1023;
    }
}
