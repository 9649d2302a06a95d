package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.IntrospectionRequest;
import com.authlete.common.dto.IntrospectionResponse;
import com.authlete.common.dto.RevocationRequest;
import com.authlete.common.dto.RevocationResponse;
import com.authlete.common.dto.StandardIntrospectionRequest;
import com.authlete.common.dto.StandardIntrospectionResponse;
import com.authlete.common.dto.TokenIssueRequest;
import com.authlete.common.dto.TokenIssueResponse;
import com.authlete.common.dto.TokenResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Authlete's Java SDK 4.33 driving introspection and revocation as an authorization server and its resource servers
 * do (Authlete's AccessTokenValidator, IntrospectionRequestHandler, RevocationRequestHandler), on v3 and v2 paths.
 */
class AuthleteSdkIntrospectionTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;
    private static ClientRef client;
    private static ClientRef other;

    @BeforeAll
    static void createServiceAndClients() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
        other = SERVER.client(service, "");
    }

    static Stream<Arguments> apis() {
        return Stream.of(Arguments.of("v3", AuthleteSdk.v3(SERVER, service.id(), service.apiSecret())),
                Arguments.of("v2", AuthleteSdk.v2(SERVER, service.id(), service.apiSecret())));
    }

    private static TokenIssueResponse tokens(AuthleteApi api) {
        TokenResponse password = api.token(AuthleteSdk.tokenRequest(
                "grant_type=password&username=alice&password=pw&scope=read", client));
        return api.tokenIssue(new TokenIssueRequest().setTicket(password.getTicket()).setSubject("user-1"));
    }

    private static RevocationRequest revocation(String parameters, ClientRef by) {
        return new RevocationRequest().setParameters(parameters).setClientId(by.id()).setClientSecret(by.secret());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void whenAResourceServerValidatesATokenThenTheSdkReadsActionAndFacts(String version, AuthleteApi api) {
        TokenIssueResponse issued = tokens(api);

        IntrospectionResponse ok = api.introspection(new IntrospectionRequest().setToken(issued.getAccessToken())
                .setScopes(new String[] {"read"}).setSubject("user-1"));
        IntrospectionResponse forbidden = api.introspection(new IntrospectionRequest()
                .setToken(issued.getAccessToken()).setScopes(new String[] {"write"}));
        IntrospectionResponse unknown = api.introspection(new IntrospectionRequest().setToken("unknown"));

        assertThat(ok.getAction()).isEqualTo(IntrospectionResponse.Action.OK);
        assertThat(ok.getResultCode()).isEqualTo("A056001");
        assertThat(ok.getClientId()).isEqualTo(Long.parseLong(client.id()));
        assertThat(ok.getSubject()).isEqualTo("user-1");
        assertThat(ok.getScopes()).containsExactly("read");
        assertThat(ok.isExistent()).isTrue();
        assertThat(ok.isUsable()).isTrue();
        assertThat(ok.isSufficient()).isTrue();
        assertThat(ok.isRefreshable()).isTrue();
        assertThat(ok.getExpiresAt()).isEqualTo(issued.getAccessTokenExpiresAt());
        assertThat(forbidden.getAction()).isEqualTo(IntrospectionResponse.Action.FORBIDDEN);
        assertThat(forbidden.isSufficient()).isFalse();
        assertThat(forbidden.getResponseContent()).startsWith("Bearer error=\"insufficient_scope\"");
        assertThat(unknown.getAction()).isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(unknown.isExistent()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void whenTheSdkIntrospectsByRfc7662ThenItGetsTheBodyToSend(String version, AuthleteApi api) {
        TokenIssueResponse issued = tokens(api);

        StandardIntrospectionResponse active = api.standardIntrospection(new StandardIntrospectionRequest()
                .setParameters("token=" + issued.getRefreshToken() + "&token_type_hint=refresh_token"));
        StandardIntrospectionResponse missing = api.standardIntrospection(new StandardIntrospectionRequest()
                .setParameters("token_type_hint=access_token"));

        assertThat(active.getAction()).isEqualTo(StandardIntrospectionResponse.Action.OK);
        JsonNode body = Json.parse(active.getResponseContent());
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(body.get("client_id").asText()).isEqualTo(client.id());
        assertThat(missing.getAction()).isEqualTo(StandardIntrospectionResponse.Action.BAD_REQUEST);
        assertThat(missing.getResultCode()).isEqualTo("A145302");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apis")
    void whenTheSdkRevokesThenOnlyTheOwnerSucceedsAndTheGrantEnds(String version, AuthleteApi api) {
        TokenIssueResponse issued = tokens(api);

        RevocationResponse refused = api.revocation(revocation("token=" + issued.getRefreshToken(), other));
        RevocationResponse invalidClient = api.revocation(new RevocationRequest()
                .setParameters("token=" + issued.getRefreshToken()).setClientId(client.id()).setClientSecret("x"));
        RevocationResponse revoked = api.revocation(revocation("token=" + issued.getRefreshToken(), client));

        assertThat(refused.getAction()).isEqualTo(RevocationResponse.Action.BAD_REQUEST);
        assertThat(refused.getResultCode()).isEqualTo("A116301");
        assertThat(Json.parse(refused.getResponseContent()).get("error").asText()).isEqualTo("invalid_grant");
        assertThat(invalidClient.getAction()).isEqualTo(RevocationResponse.Action.INVALID_CLIENT);
        assertThat(revoked.getAction()).isEqualTo(RevocationResponse.Action.OK);
        assertThat(revoked.getResultCode()).isEqualTo("A113001");
        assertThat(revoked.getResponseContent()).isNull();
        assertThat(api.introspection(new IntrospectionRequest().setToken(issued.getAccessToken())).getAction())
                .isEqualTo(IntrospectionResponse.Action.UNAUTHORIZED);
        assertThat(api.standardIntrospection(new StandardIntrospectionRequest()
                .setParameters("token=" + issued.getRefreshToken())).getResponseContent())
                .isEqualTo("{\"active\":false}");
    }
}
