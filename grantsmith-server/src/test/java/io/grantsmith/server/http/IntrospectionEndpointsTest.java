package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The built-in server's {@code POST /as/{serviceId}/introspect} (RFC 7662) and {@code /revoke} (RFC 7009), and the
 * Authlete-style API paths behind them (v3 and v2, JSON and form bodies).
 */
class IntrospectionEndpointsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;
    private static ClientRef other;

    @BeforeAll
    static void createServiceAndClients() {
        service = UserInfoEndpointsTest.oidcService(SERVER);
        client = SERVER.client(service, "");
        other = SERVER.client(service, "");
    }

    private static String path(String endpoint) {
        return "/as/" + service.id() + endpoint;
    }

    private static Reply introspect(ClientRef by, String form) {
        return SERVER.post(path("/introspect")).basic(by.id(), by.secret()).form(form).send();
    }

    private static Reply revoke(ClientRef by, String form) {
        return SERVER.post(path("/revoke")).basic(by.id(), by.secret()).form(form).send();
    }

    /** A token response of alice's, by the password grant: access and refresh token. */
    private static Reply tokens(String scope) {
        Reply reply = SERVER.asToken(service, client, "grant_type=password&username=alice&password=pw&scope="
                + scope.replace(" ", "+"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    @Test
    void whenAConfidentialClientIntrospectsAnActiveTokenThenItGetsTheRfc7662Body() {
        Reply tokens = tokens("openid read");

        Reply reply = introspect(other, "token=" + tokens.text("access_token") + "&token_type_hint=access_token");

        reply.assertNoStore(200);
        assertThat(reply.json().get("active").asBoolean()).isTrue();
        assertThat(reply.text("client_id")).isEqualTo(client.id());
        assertThat(reply.text("sub")).isEqualTo("user-1");
        assertThat(reply.text("scope")).isEqualTo("openid read");
        assertThat(reply.text("token_type")).isEqualTo("Bearer");
        assertThat(reply.text("iss")).isEqualTo(SERVER.baseUrl() + "/as/" + service.id());
        Reply viaPost = SERVER.post(path("/introspect")).form("token=" + tokens.text("refresh_token")
                + "&client_id=" + client.id() + "&client_secret=" + client.secret()).send();
        assertThat(viaPost.status()).as("client_secret_post is refused for a client_secret_basic client")
                .isEqualTo(400);
        assertThat(viaPost.text("error")).isEqualTo("invalid_client");
    }

    @Test
    void whenTheTokenIsUnknownThenIntrospectionSaysInactiveOnly() {
        Reply reply = introspect(client, "token=unknown");

        reply.assertNoStore(200);
        assertThat(reply.body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void whenTheCallerIsPublicOrUnauthenticatedThenIntrospectionIsRefusedWithInvalidClient() {
        ClientRef publicClient = SERVER.client(service, ",\"clientType\":\"PUBLIC\",\"tokenAuthMethod\":\"NONE\"");
        String token = tokens("read").text("access_token");

        Reply asPublic = SERVER.post(path("/introspect")).form("token=" + token + "&client_id=" + publicClient.id())
                .send();
        Reply wrongSecret = SERVER.post(path("/introspect")).basic(client.id(), "wrong").form("token=" + token).send();
        Reply anonymous = SERVER.post(path("/introspect")).form("token=" + token).send();

        asPublic.assertOAuthError(400, "invalid_client", "A145393");
        wrongSecret.assertOAuthError(401, "invalid_client", "A157305");
        assertThat(wrongSecret.header("WWW-Authenticate")).startsWith("Basic");
        anonymous.assertOAuthError(400, "invalid_client");
    }

    @Test
    void whenARefreshTokenIsRevokedThenTheFamilysAccessTokensStopWorkingAtUserinfoAndIntrospection() {
        Reply tokens = tokens("openid");
        String access = tokens.text("access_token");
        assertThat(SERVER.get(path("/userinfo")).bearer(access).send().status()).isEqualTo(200);

        Reply reply = revoke(client, "token=" + tokens.text("refresh_token") + "&token_type_hint=refresh_token");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(SERVER.get(path("/userinfo")).bearer(access).send().status()).isEqualTo(401);
        assertThat(introspect(client, "token=" + access).body()).isEqualTo("{\"active\":false}");
        assertThat(introspect(client, "token=" + tokens.text("refresh_token")).body())
                .isEqualTo("{\"active\":false}");
        assertThat(SERVER.asToken(service, client, "grant_type=refresh_token&refresh_token="
                + tokens.text("refresh_token")).status()).isEqualTo(400);
    }

    @Test
    void whenAnAccessTokenIsRevokedThenTheRefreshTokenStillWorks() {
        Reply tokens = tokens("openid");

        assertThat(revoke(client, "token=" + tokens.text("access_token")).status()).isEqualTo(200);

        assertThat(SERVER.get(path("/userinfo")).bearer(tokens.text("access_token")).send().status()).isEqualTo(401);
        assertThat(SERVER.asToken(service, client, "grant_type=refresh_token&refresh_token="
                + tokens.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void whenAnotherClientRevokesATokenThenItIsRefusedAndTheTokenStillWorks() {
        Reply tokens = tokens("openid");

        Reply access = revoke(other, "token=" + tokens.text("access_token"));
        Reply refresh = revoke(other, "token=" + tokens.text("refresh_token"));

        access.assertOAuthError(400, "invalid_grant", "A116301");
        refresh.assertOAuthError(400, "invalid_grant", "A116301");
        assertThat(SERVER.get(path("/userinfo")).bearer(tokens.text("access_token")).send().status()).isEqualTo(200);
        assertThat(introspect(client, "token=" + tokens.text("refresh_token")).json().get("active").asBoolean())
                .isTrue();
    }

    @Test
    void whenAPublicClientRevokesWithItsClientIdThenItsTokenIsRevoked() {
        ClientRef publicClient = SERVER.client(service, ",\"clientType\":\"PUBLIC\",\"tokenAuthMethod\":\"NONE\"");
        Reply tokens = SERVER.post(path("/token")).form("grant_type=password&username=alice&password=pw&client_id="
                + publicClient.id()).send();
        assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);

        Reply reply = SERVER.post(path("/revoke")).form("token=" + tokens.text("refresh_token") + "&client_id="
                + publicClient.id()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(introspect(client, "token=" + tokens.text("access_token")).body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void whenTheRequestIsMalformedThenEachEndpointAnswersAnOAuthErrorAndNever500() {
        String token = tokens("read").text("access_token");

        SERVER.post(path("/revoke")).basic(client.id(), client.secret()).json("{\"token\":\"" + token + "\"}").send()
                .assertOAuthError(400, "invalid_request");
        SERVER.post(path("/introspect")).basic(client.id(), client.secret()).json("{}").send()
                .assertOAuthError(400, "invalid_request");
        revoke(client, "").assertOAuthError(400, "invalid_request", "A113301");
        revoke(client, "token_type_hint=access_token").assertOAuthError(400, "invalid_request", "A115301");
        revoke(client, "token=%zz").assertOAuthError(400, "invalid_request", "A113391");
        introspect(client, "").assertOAuthError(400, "invalid_request", "A145301");
        introspect(client, "token=a&token=b").assertOAuthError(400, "invalid_request", "A145392");
        introspect(client, "token=%").assertOAuthError(400, "invalid_request");
        SERVER.post(path("/revoke")).header("Authorization", "Bearer x").form("token=x").send()
                .assertOAuthError(401, "invalid_client");
        assertThat(revoke(client, "token=" + "x".repeat(4000)).status()).isEqualTo(200);
        assertThat(SERVER.post("/as/999999/revoke").basic(client.id(), client.secret()).form("token=x").send()
                .status()).isEqualTo(404);
        assertThat(introspect(client, "token=" + token).json().get("active").asBoolean()).isTrue();
    }

    @Test
    void whenTheApiIsCalledOnV3AndV2PathsWithJsonOrFormThenItAnswers200WithTheAction() {
        Reply tokens = tokens("read");
        String token = tokens.text("access_token");

        SERVER.post(service.path("/auth/introspection")).bearer(service.apiSecret())
                .json("{\"token\":\"" + token + "\",\"scopes\":[\"read\"]}").send().assertAction("OK", "A056001");
        SERVER.post(service.path("/auth/introspection")).bearer(service.apiSecret())
                .form("token=" + token + "&scopes=write").send().assertAction("FORBIDDEN", "A064302");
        SERVER.post("/api/auth/introspection").basic(Long.toString(service.id()), service.apiSecret())
                .json("{\"token\":\"nope\"}").send().assertAction("UNAUTHORIZED", "A057302");
        Reply standard = SERVER.post(service.path("/auth/introspection/standard")).bearer(service.apiSecret())
                .json("{\"parameters\":\"token=" + token + "\"}").send().assertAction("OK", "A145001");
        assertThat(standard.header("Cache-Control")).isEqualTo("no-store");
        SERVER.post("/api/auth/introspection/standard").basic(Long.toString(service.id()), service.apiSecret())
                .form("parameters=" + java.net.URLEncoder.encode("token=" + token, java.nio.charset.StandardCharsets.UTF_8))
                .send().assertAction("OK", "A145001");
        SERVER.post(service.path("/auth/revocation")).bearer(service.apiSecret())
                .json("{\"parameters\":\"token=" + token + "\",\"clientId\":\"" + other.id()
                        + "\",\"clientSecret\":\"" + other.secret() + "\"}").send()
                .assertAction("BAD_REQUEST", "A116301");
        SERVER.post("/api/auth/revocation").basic(Long.toString(service.id()), service.apiSecret())
                .json("{\"parameters\":\"token=" + token + "\",\"clientId\":\"" + client.id()
                        + "\",\"clientSecret\":\"" + client.secret() + "\"}").send()
                .assertAction("OK", "A113001");
        assertThat(introspect(client, "token=" + token).body()).isEqualTo("{\"active\":false}");
    }
}
