package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code POST /as/{serviceId}/token}: each engine action mapped to HTTP as the seed's table says. */
class AuthorizationServerEndpointTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        SERVER.user(service, "alice", "correct horse");
    }

    @Test
    void whenClientCredentialsGrantedThen200NoStoreAndStrictTokenJson() {
        Reply reply = SERVER.asToken(service, client, "grant_type=client_credentials").assertNoStore(200);

        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        JsonNode token = reply.json();
        assertThat(Json.nullMembers(token)).isEmpty();
        assertThat(token.get("access_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(token.get("expires_in").asLong()).isEqualTo(86_400);
        assertThat(token.get("scope").asText()).isEqualTo("read");
        assertThat(token.has("refresh_token")).isFalse();
        assertThat(reply.headers("WWW-Authenticate")).isEmpty();
    }

    @Test
    void whenPasswordIsRightThenTokensWithRefreshToken() {
        Reply reply = SERVER.asToken(service, client,
                "grant_type=password&username=alice&password=correct+horse&scope=read+write").assertNoStore(200);

        JsonNode token = reply.json();
        assertThat(Json.nullMembers(token)).isEmpty();
        assertThat(token.get("refresh_token").asText()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token.get("scope").asText()).isEqualTo("read write");
        assertThat(token.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").isIntegralNumber()).isTrue();
    }

    /** RFC 6749 §5.2: wrong resource owner credentials are invalid_grant (Authlete's /auth/token/fail keeps invalid_request). */
    @ParameterizedTest
    @ValueSource(strings = {"username=alice&password=wrong", "username=mallory&password=correct+horse"})
    void whenPasswordWrongOrUserUnknownThen400InvalidGrantWithA067301(String credentials) {
        Reply reply = SERVER.asToken(service, client, "grant_type=password&" + credentials)
                .assertOAuthError(400, "invalid_grant", "A067301")
                .assertNoChallenge();

        assertThat(reply.text("error_uri")).isEqualTo("https://docs.authlete.com/#A067301");
    }

    @Test
    void whenClientIdIsLongerThanAnyAliasThenInvalidClientA048391() {
        SERVER.post("/as/" + service.id() + "/token")
                .form("grant_type=client_credentials&client_id=" + "x".repeat(60 * 1024)).send()
                .assertOAuthError(400, "invalid_client", "A048391")
                .assertNoChallenge();
        Reply inHeader = SERVER.post("/as/" + service.id() + "/token").basic("x".repeat(201), "secret")
                .form("grant_type=client_credentials").send()
                .assertOAuthError(401, "invalid_client", "A048391");

        assertThat(inHeader.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void whenBadRequestThen400WithoutChallenge() {
        Reply reply = SERVER.asToken(service, client, "grant_type=urn:example:telepathy")
                .assertOAuthError(400, "unsupported_grant_type", "A049304")
                .assertNoChallenge();

        assertThat(reply.text("error_uri")).isEqualTo("https://docs.authlete.com/#A049304");
    }

    @Test
    void whenSecretWrongInAuthorizationHeaderThen401WithBasicChallenge() {
        Reply reply = SERVER.asToken(service, new ClientRef(client.id(), "wrong"), "grant_type=client_credentials")
                .assertOAuthError(401, "invalid_client", "A157305");

        assertThat(reply.headers("WWW-Authenticate")).singleElement().asString().startsWith("Basic realm=\"");
    }

    @Test
    void whenClientIsUnknownInAuthorizationHeaderThen401WithBasicChallenge() {
        Reply reply = SERVER.asToken(service, new ClientRef("12345678901234", "x"), "grant_type=client_credentials")
                .assertOAuthError(401, "invalid_client", "A048304");

        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @Test
    void whenClientSendsNoCredentialsThen400WithoutChallenge() {
        SERVER.post("/as/" + service.id() + "/token").form("grant_type=client_credentials").send()
                .assertOAuthError(400, "invalid_client", "A048314")
                .assertNoChallenge();
    }

    @Test
    void whenSecretWrongInBodyThen400WithoutChallenge() {
        ClientRef postClient = SERVER.client(service, ",\"tokenAuthMethod\":\"CLIENT_SECRET_POST\"");

        SERVER.post("/as/" + service.id() + "/token")
                .form("grant_type=client_credentials&client_id=" + postClient.id() + "&client_secret=wrong").send()
                .assertOAuthError(400, "invalid_client", "A157305")
                .assertNoChallenge();
        SERVER.post("/as/" + service.id() + "/token")
                .form("grant_type=client_credentials&client_id=" + postClient.id() + "&client_secret="
                        + postClient.secret()).send()
                .assertNoStore(200);
    }

    @Test
    void whenBasicCredentialsArePercentEncodedThenTheyAreDecoded() {
        Reply reply = SERVER.post("/as/" + service.id() + "/token")
                .basic(percentEncodeEverything(client.id()), percentEncodeEverything(client.secret()))
                .form("grant_type=client_credentials").send();

        reply.assertNoStore(200);
    }

    @Test
    void whenAliasWithReservedCharactersIsFormEncodedInBasicThenTheClientIsFound() {
        ServiceRef aliasService = SERVER.service(",\"clientIdAliasEnabled\":true");
        ClientRef aliased = SERVER.client(aliasService,
                ",\"clientIdAlias\":\"app:1%2B+~x\",\"clientIdAliasEnabled\":true");

        Reply reply = SERVER.post("/as/" + aliasService.id() + "/token")
                .basic("app%3A1%252B%2B~x", aliased.secret()).form("grant_type=client_credentials").send();

        reply.assertNoStore(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded;charset=UTF-8",
            "application/x-www-form-urlencoded; charset=utf-8", "Application/X-WWW-Form-URLEncoded",
            "application/x-www-form-urlencoded ; charset=\"UTF-8\""})
    void whenFormMediaTypeIsSpelledDifferentlyThenAccepted(String contentType) {
        SERVER.post("/as/" + service.id() + "/token").basic(client.id(), client.secret())
                .body(contentType, "grant_type=client_credentials".getBytes()).send()
                .assertNoStore(200);
    }

    @Test
    void whenMethodIsGetThen405WithAllowPost() {
        Reply reply = SERVER.get("/as/" + service.id() + "/token").send().assertOAuthError(405, "invalid_request");

        assertThat(reply.header("Allow")).isEqualTo("POST");
    }

    @Test
    void whenBodyIsJsonThen400InvalidRequest() {
        SERVER.post("/as/" + service.id() + "/token").basic(client.id(), client.secret())
                .json("{\"grant_type\":\"client_credentials\"}").send()
                .assertOAuthError(400, "invalid_request")
                .assertNoChallenge();
    }

    @Test
    void whenBodyIsLargerThan64KiBThen413OAuthJson() {
        String form = "grant_type=client_credentials&scope=" + "a".repeat(64 * 1024);

        SERVER.asToken(service, client, form).assertOAuthError(413, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic !!!not-base64", "Basic bm8tY29sb24=", "Basic", "Bearer abc", "Digest x=y"})
    void whenAuthorizationHeaderIsNotBasicCredentialsThen401InvalidClient(String authorization) {
        Reply reply = SERVER.post("/as/" + service.id() + "/token").header("Authorization", authorization)
                .form("grant_type=client_credentials").send()
                .assertOAuthError(401, "invalid_client");

        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic realm=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/as/1/nothing", "/as/1/token/x", "/as/"})
    void whenPathUnderAsIsUnknownThen404OAuthJson(String path) {
        SERVER.post(path).form("grant_type=client_credentials").send().assertOAuthError(404, "invalid_request");
    }

    @Test
    void whenServiceDoesNotExistThen404OAuthJson() {
        SERVER.post("/as/999999999/token").basic(client.id(), client.secret())
                .form("grant_type=client_credentials").send()
                .assertOAuthError(404, "invalid_request");
    }

    /** RFC 6749 §2.3.1 lets a client percent-encode any character, unreserved ones included. */
    static String percentEncodeEverything(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02X", b));
        }
        return encoded.toString();
    }
}
