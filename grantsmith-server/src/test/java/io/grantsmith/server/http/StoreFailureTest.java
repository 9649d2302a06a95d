package io.grantsmith.server.http;

import io.grantsmith.server.BrokenStores;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A store that cannot save tokens: the engine answers INTERNAL_SERVER_ERROR, which the built-in authorization
 * server must turn into HTTP 500 with an OAuth {@code server_error} body, and the API into HTTP 200.
 */
class StoreFailureTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.over(BrokenStores.failingTokens());

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        SERVER.user(service, "alice", "pw");
    }

    @Test
    void whenTokenCannotBeStoredThenAuthorizationServerAnswers500ServerError() {
        SERVER.asToken(service, client, "grant_type=client_credentials")
                .assertOAuthError(500, "server_error", "A052101")
                .assertNoChallenge();
    }

    @Test
    void whenPasswordGrantTokensCannotBeStoredThenAuthorizationServerAnswers500() {
        SERVER.asToken(service, client, "grant_type=password&username=alice&password=pw")
                .assertOAuthError(500, "server_error");
    }

    @Test
    void whenTokenCannotBeStoredThenApiAnswers200WithInternalServerErrorAction() {
        SERVER.apiToken(service, client, "grant_type=client_credentials")
                .assertAction("INTERNAL_SERVER_ERROR", "A052101");
    }
}
