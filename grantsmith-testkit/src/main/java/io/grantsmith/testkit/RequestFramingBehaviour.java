package io.grantsmith.testkit;

import static io.grantsmith.core.error.OAuthErrorCode.UNSUPPORTED_GRANT_TYPE;
import static io.grantsmith.testkit.EngineAssertions.issuance;
import static io.grantsmith.testkit.RefusalCase.badRequest;
import static io.grantsmith.testkit.RefusalCase.invalidRequest;
import static io.grantsmith.testkit.TestClients.BASIC_ID;
import static io.grantsmith.testkit.TestClients.BASIC_SECRET;
import static io.grantsmith.testkit.TestClients.POST_ID;
import static io.grantsmith.testkit.TestClients.POST_SECRET;
import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.body;
import static io.grantsmith.testkit.TokenRequests.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.RequestFacts;
import io.grantsmith.core.result.TokenResult;
import java.util.EnumSet;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** How the engine reads {@code parameters} and {@code grant_type}, and which parameters may repeat. */
public abstract class RequestFramingBehaviour extends EngineBehaviourSuite {
    private static final String CC = "client_credentials";
    /** Repetitions are refused before authentication: a wrong secret must not change the outcome. */
    private static final String WRONG_SECRET = "wrong-secret";

    static Stream<RefusalCase> malformedRequests() {
        Service withoutPassword = EngineFixture.serviceBuilder()
                .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN)).build();
        Service withAuthorizationCode = EngineFixture.serviceBuilder().grantTypes(EnumSet.of(
                GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD)).build();
        return Stream.of(
                RefusalCase.serverError("parameters null (the caller's mistake)", raw(null),
                        ResultCode.PARAMETERS_MISSING),
                invalidRequest("parameters empty", raw(""), ResultCode.PARAMETERS_EMPTY),
                invalidRequest("parameters only separators", raw("&&&"), ResultCode.PARAMETERS_EMPTY),
                invalidRequest("percent followed by non-hex", raw("grant_type=client%zzcredentials"),
                        ResultCode.PARAMETERS_MALFORMED),
                invalidRequest("truncated percent-encoding", raw("grant_type=client_credentials&scope=read%2"),
                        ResultCode.PARAMETERS_MALFORMED),
                invalidRequest("percent-encoding in a name", raw("grant_type=password&user%xname=a"),
                        ResultCode.PARAMETERS_MALFORMED),
                invalidRequest("percent-encoded bytes are not UTF-8", raw("grant_type=client_credentials&scope=%C3%28"),
                        ResultCode.PARAMETERS_MALFORMED),
                invalidRequest("lone UTF-8 continuation byte", raw("scope=%80&grant_type=password"),
                        ResultCode.PARAMETERS_MALFORMED),
                invalidRequest("more than 100 parameters", raw(manyParameters(FormParameters.MAX_PARAMETERS + 1)),
                        ResultCode.PARAMETERS_MALFORMED),
                invalidRequest("grant_type missing", raw("scope=read"), ResultCode.GRANT_TYPE_MISSING),
                invalidRequest("grant_type empty", raw("grant_type=&scope=read"), ResultCode.GRANT_TYPE_EMPTY),
                invalidRequest("grant_type without '='", raw("grant_type"), ResultCode.GRANT_TYPE_EMPTY),
                invalidRequest("grant_type repeated", raw("grant_type=password&grant_type=password"),
                        ResultCode.GRANT_TYPE_REPEATED),
                invalidRequest("grant_type repeated with different values", raw("grant_type=password&grant_type=" + CC),
                        ResultCode.GRANT_TYPE_REPEATED),
                badRequest("grant_type unknown", raw("grant_type=magic"), UNSUPPORTED_GRANT_TYPE,
                        ResultCode.GRANT_TYPE_UNKNOWN),
                badRequest("grant_type in upper case", raw("grant_type=PASSWORD"), UNSUPPORTED_GRANT_TYPE,
                        ResultCode.GRANT_TYPE_UNKNOWN),
                badRequest("grant_type implicit", raw("grant_type=implicit"), UNSUPPORTED_GRANT_TYPE,
                        ResultCode.GRANT_TYPE_IMPLICIT),
                badRequest("grant type the service does not support", EngineFixture.passwordRequest(),
                        UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE).on(withoutPassword),
                badRequest("grant type the service lists but the engine does not implement",
                        basic(BASIC_ID, BASIC_SECRET, "grant_type", "authorization_code", "code", "abc"),
                        UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_NOT_IMPLEMENTED).on(withAuthorizationCode));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void whenRequestIsMalformedThenItIsRefusedWithItsCode(RefusalCase refusal) {
        refusal.assertOn(fixture);
    }

    static Stream<RefusalCase> repeatedParameters() {
        return Stream.of(
                repeated(CC, "scope", ResultCode.CLIENT_CREDENTIALS_SCOPE_REPEATED),
                repeated(CC, "audience", ResultCode.PARAMETER_REPEATED),
                repeated("password", "username", ResultCode.USERNAME_REPEATED),
                repeated("password", "password", ResultCode.PASSWORD_REPEATED),
                repeated("password", "scope", ResultCode.PASSWORD_SCOPE_REPEATED),
                repeated("password", "code", ResultCode.PARAMETER_REPEATED),
                repeated("refresh_token", "refresh_token", ResultCode.REFRESH_TOKEN_REPEATED),
                repeated("refresh_token", "scope", ResultCode.REFRESH_SCOPE_REPEATED),
                repeated("refresh_token", "client_assertion", ResultCode.PARAMETER_REPEATED),
                invalidRequest(CC + ": client_id twice", body("grant_type", CC, "client_id", POST_ID,
                        "client_id", POST_ID, "client_secret", WRONG_SECRET), ResultCode.CLIENT_ID_REPEATED),
                invalidRequest(CC + ": client_secret twice", body("grant_type", CC, "client_id", POST_ID,
                        "client_secret", WRONG_SECRET, "client_secret", POST_SECRET),
                        ResultCode.CLIENT_SECRET_REPEATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeatedParameters")
    void whenSingleValuedParameterIsRepeatedThenItIsRefusedBeforeClientAuthentication(RefusalCase refusal) {
        TokenResult result = refusal.assertOn(fixture);

        assertThat(result.facts().client()).isNull();
    }

    @Test
    void whenUndeclaredParameterIsRepeatedThenTheMessageNamesIt() {
        TokenResult result = fixture.process(basic(BASIC_ID, BASIC_SECRET, "grant_type", CC, "foo", "1", "foo", "2"));

        assertThat(result.result().text()).contains("'foo'");
    }

    @Test
    void whenResourceIsRepeatedThenEveryValueIsKept() {
        Issuance issuance = issuance(fixture.process(basic(BASIC_ID, BASIC_SECRET, "grant_type", CC,
                "resource", EngineFixture.RESOURCE_A, "resource", EngineFixture.RESOURCE_B)));

        assertThat(issuance.resources()).containsExactly(EngineFixture.RESOURCE_A, EngineFixture.RESOURCE_B);
        assertThat(issuance.accessTokenResources()).containsExactly(EngineFixture.RESOURCE_A, EngineFixture.RESOURCE_B);
    }

    @Test
    void whenRequestHasExactlyTheMaximumNumberOfParametersThenItIsProcessed() {
        String parameters = "grant_type=" + CC + "&" + manyParameters(FormParameters.MAX_PARAMETERS - 1);

        issuance(fixture.process(raw(parameters).setClientId(BASIC_ID).setClientSecret(BASIC_SECRET)));
    }

    @Test
    void whenParametersArePercentAndPlusEncodedThenTheyAreDecoded() {
        TokenResult result = fixture.process(raw("grant_type=client%5Fcredentials&scope=read+write%20admin")
                .setClientId(BASIC_ID).setClientSecret(BASIC_SECRET));

        assertThat(issuance(result).scopes().asList()).containsExactly("read", "write", "admin");
    }

    @Test
    void whenGrantTypeIsRefusedThenTheFactsNameNeitherGrantTypeNorClient() {
        RequestFacts facts = fixture.process(basic(BASIC_ID, BASIC_SECRET, "grant_type", "magic")).facts();

        assertThat(facts.grantType()).isNull();
        assertThat(facts.client()).isNull();
        assertThat(facts.service().id()).isEqualTo(EngineFixture.SERVICE_ID);
    }

    @Test
    void whenGrantTypeIsNotImplementedThenTheFactsNameIt() {
        Service service = EngineFixture.serviceBuilder()
                .grantTypes(EnumSet.of(GrantType.DEVICE_CODE, GrantType.CLIENT_CREDENTIALS)).build();

        TokenResult result = fixture.process(service, basic(BASIC_ID, BASIC_SECRET,
                "grant_type", GrantType.DEVICE_CODE.wireValue(), "device_code", "x"));

        EngineAssertions.badRequest(result, UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_NOT_IMPLEMENTED);
        assertThat(result.facts().grantType()).isEqualTo(GrantType.DEVICE_CODE);
        assertThat(result.result().text()).contains(GrantType.DEVICE_CODE.wireValue());
    }

    private static RefusalCase repeated(String grantType, String parameter, ResultCode code) {
        return invalidRequest(grantType + ": " + parameter + " twice", basic(BASIC_ID, WRONG_SECRET,
                "grant_type", grantType, "username", "u", "password", "p", "refresh_token", "r",
                parameter, "one", parameter, "two"), code);
    }

    /** {@code count} distinct, harmless parameters. */
    private static String manyParameters(int count) {
        StringJoiner parameters = new StringJoiner("&");
        for (int i = 0; i < count; i++) {
            parameters.add("x" + i + "=" + i);
        }
        return parameters.toString();
    }
}
