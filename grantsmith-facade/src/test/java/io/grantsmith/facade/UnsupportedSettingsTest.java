package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Service and client settings that Grantsmith stores but does not implement yet: a token request they apply to is
 * refused with a code naming the setting, never answered with the plain tokens Authlete would not have issued.
 * One row per setting (docs/COMPATIBILITY.md has the same table), from the stored JSON document to the answer.
 */
class UnsupportedSettingsTest {
    private static final String CLIENT_CREDENTIALS = "grant_type=client_credentials";
    private static final String PASSWORD = "grant_type=password&username=alice&password=pw";
    private static final String GRANTS = "\"grantTypes\":[\"CLIENT_CREDENTIALS\",\"PASSWORD\",\"REFRESH_TOKEN\"]";

    private final FacadeFixture fixture = new FacadeFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** A setting turned on in a service or client document, a request it applies to, and the expected code. */
    record Row(String owner, String member, String value, String request, String code) {
        @Override
        public String toString() {
            return owner + " " + member + "=" + value + " (" + request.substring("grant_type=".length(),
                    request.indexOf('&') < 0 ? request.length() : request.indexOf('&')) + ")";
        }
    }

    static Stream<Row> settings() {
        return Stream.of(
                new Row("service", "dpopRequired", "true", CLIENT_CREDENTIALS, "A047192"),
                new Row("service", "tlsClientCertificateBoundAccessTokens", "true", CLIENT_CREDENTIALS, "A047192"),
                new Row("service", "accessTokenSignAlg", "\"ES256\"", CLIENT_CREDENTIALS, "A047192"),
                new Row("service", "fapiModes", "[\"FAPI2_SECURITY\"]", CLIENT_CREDENTIALS, "A047192"),
                new Row("service", "supportedServiceProfiles", "[\"FAPI\"]", PASSWORD, "A047192"),
                new Row("service", "singleAccessTokenPerSubject", "true", PASSWORD, "A047192"),
                new Row("client", "dpopRequired", "true", CLIENT_CREDENTIALS, "A047193"),
                new Row("client", "tlsClientCertificateBoundAccessTokens", "true", PASSWORD, "A047193"),
                new Row("client", "fapiModes", "[\"FAPI1_ADVANCED\"]", CLIENT_CREDENTIALS, "A047193"),
                new Row("client", "singleAccessTokenPerSubject", "true", PASSWORD, "A047193"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void whenASettingThatIsNotImplementedIsOnThenTheTokenRequestIsRefusedNamingIt(Row row) {
        String setting = ",\"" + row.member() + "\":" + row.value();
        long serviceId = fixture.service(row.owner().equals("service") ? setting : "").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, GRANTS + (row.owner().equals("client") ? setting : ""));

        TokenResponse response = fixture.grantsmith.tokens().token(serviceId,
                FacadeFixture.basic(row.request(), client));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(response.getResultCode()).isEqualTo(row.code());
        assertThat(response.getResultMessage()).contains("'" + row.member() + "'").contains("not supported");
        assertThat(response.getAccessToken()).isNull();
        assertThat(FacadeFixture.parse(response.getResponseContent()).get("error").asText()).isEqualTo("server_error");
        assertThat(response.getClientId()).isEqualTo(client.get("clientId").asLong());
        assertThat(fixture.grantsmith.services().get(serviceId).toString()
                + fixture.grantsmith.clients().get(serviceId, client.get("clientId").asText()).toString())
                .as("the setting is kept, as Authlete keeps it").contains("\"" + row.member() + "\"");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void whenSettingsAreOffThenTokensAreIssuedAsUsual(boolean explicitly) {
        String flag = explicitly ? "false" : "null";
        String text = explicitly ? "\"\"" : "null";
        String list = explicitly ? "[]" : "null";
        String client = ",\"dpopRequired\":" + flag + ",\"tlsClientCertificateBoundAccessTokens\":" + flag
                + ",\"fapiModes\":" + list + ",\"singleAccessTokenPerSubject\":" + flag;
        String service = client + ",\"accessTokenSignAlg\":" + text + ",\"supportedServiceProfiles\":" + list
                + ",\"openidDroppedOnRefreshWithoutOfflineAccess\":" + flag;
        long serviceId = fixture.service(service).get("apiKey").asLong();
        ObjectNode created = fixture.client(serviceId, GRANTS + client);

        TokenResponse response = fixture.grantsmith.tokens().token(serviceId,
                FacadeFixture.basic(CLIENT_CREDENTIALS, created));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void whenSingleAccessTokenPerSubjectIsOnThenClientCredentialsStillWork() {
        long serviceId = fixture.service(",\"singleAccessTokenPerSubject\":true").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, GRANTS + ",\"singleAccessTokenPerSubject\":true");

        TokenResponse response = fixture.grantsmith.tokens().token(serviceId,
                FacadeFixture.basic(CLIENT_CREDENTIALS, client));

        assertThat(response.getAction()).as("Authlete applies it only to tokens with a subject")
                .isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void whenOpenidWouldBeDroppedOnRefreshThenOnlyThatRefreshIsRefused() {
        long serviceId = fixture.grantsmith.services().create(FacadeFixture.json("{\"supportedScopes\":["
                + "{\"name\":\"openid\"},{\"name\":\"offline_access\"},{\"name\":\"read\"}],"
                + "\"openidDroppedOnRefreshWithoutOfflineAccess\":true}")).get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, GRANTS);
        String withoutOfflineAccess = refreshToken(serviceId, client, "openid read");
        String withOfflineAccess = refreshToken(serviceId, client, "openid offline_access");
        String withoutOpenid = refreshToken(serviceId, client, "read");

        TokenResponse refused = refresh(serviceId, client, withoutOfflineAccess, "");
        TokenResponse narrowed = refresh(serviceId, client, withoutOfflineAccess, "&scope=read");

        assertThat(refused.getAction()).isEqualTo(TokenResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(refused.getResultCode()).isEqualTo("A047192");
        assertThat(refused.getResultMessage()).contains("'openidDroppedOnRefreshWithoutOfflineAccess'");
        assertThat(narrowed.getAction()).as("openid not asked for: nothing to drop").isEqualTo(TokenResponse.Action.OK);
        assertThat(refresh(serviceId, client, withOfflineAccess, "").getAction()).isEqualTo(TokenResponse.Action.OK);
        assertThat(refresh(serviceId, client, withoutOpenid, "").getAction()).isEqualTo(TokenResponse.Action.OK);
    }

    @Test
    void whenMissingClientIdIsAllowedThenAPublicClientMustStillNameItself() {
        long serviceId = fixture.service(",\"missingClientIdAllowed\":true").get("apiKey").asLong();
        fixture.client(serviceId, GRANTS + ",\"clientType\":\"PUBLIC\"");

        TokenResponse response = fixture.grantsmith.tokens().token(serviceId, new TokenRequest()
                .setParameters("grant_type=refresh_token&refresh_token=any"));

        assertThat(response.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(response.getResultCode()).isEqualTo("A048301");
    }

    @Test
    void whenASettingIsTurnedOnBeforeIssueThenIssueIsRefusedNamingIt() {
        long serviceId = fixture.service("").get("apiKey").asLong();
        ObjectNode client = fixture.client(serviceId, GRANTS);
        String clientId = client.get("clientId").asText();
        String ticket = fixture.grantsmith.tokens().token(serviceId, FacadeFixture.basic(PASSWORD, client)).getTicket();
        ObjectNode document = fixture.grantsmith.clients().get(serviceId, clientId);
        document.put("dpopRequired", true);
        fixture.grantsmith.clients().update(serviceId, client.get("clientId").asLong(), document);

        TokenIssueResponse response = fixture.grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(ticket).setSubject("alice"));

        assertThat(response.getAction()).isEqualTo(TokenIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(response.getResultCode()).isEqualTo("A054194");
        assertThat(response.getResultMessage()).contains("'dpopRequired'");
        assertThat(response.getAccessToken()).isNull();
    }

    private String refreshToken(long serviceId, ObjectNode client, String scope) {
        TokenResponse password = fixture.grantsmith.tokens().token(serviceId,
                FacadeFixture.basic(PASSWORD + "&scope=" + scope.replace(" ", "%20"), client));
        return fixture.grantsmith.tokens().issue(serviceId,
                new TokenIssueRequest().setTicket(password.getTicket()).setSubject("alice")).getRefreshToken();
    }

    private TokenResponse refresh(long serviceId, ObjectNode client, String refreshToken, String extra) {
        return fixture.grantsmith.tokens().token(serviceId,
                FacadeFixture.basic("grant_type=refresh_token&refresh_token=" + refreshToken + extra, client));
    }
}
