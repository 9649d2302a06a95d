package io.grantsmith.testkit;

import static io.grantsmith.testkit.TestClients.BASIC_ALIAS;
import static io.grantsmith.testkit.TestClients.BASIC_ID;
import static io.grantsmith.testkit.TestClients.BASIC_SECRET;
import static io.grantsmith.testkit.TestClients.POST_ALIAS;
import static io.grantsmith.testkit.TestClients.POST_ID;
import static io.grantsmith.testkit.TestClients.POST_SECRET;
import static io.grantsmith.testkit.TestClients.PUBLIC_ID;
import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.body;
import static io.grantsmith.testkit.TokenRequests.concat;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.TokenEngine;
import io.grantsmith.core.clientauth.ClientAssertion;
import io.grantsmith.core.clientauth.ClientAuthenticationMethod;
import io.grantsmith.core.clientauth.ClientAuthenticationRefusals;
import io.grantsmith.core.clientauth.ClientAuthenticators;
import io.grantsmith.core.clientauth.PresentedCredentials;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.result.TokenResult;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Client identification (numeric ID, alias, header versus body) and authentication (the pinned method, secrets,
 * public clients), table-driven on the password grant, whose success ({@code PASSWORD}) issues nothing.
 */
public abstract class ClientAuthenticationBehaviour extends EngineBehaviourSuite {
    private static final String[] PASSWORD_GRANT = {"grant_type", "password", "username", "u", "password", "p"};

    /** A request that must be accepted, and how the client must then be reported. */
    record Accepted(String name, Service service, TokenRequest request, long clientId, ClientAuthMethod method,
            boolean aliasUsed) {
        Accepted on(Service other) {
            return new Accepted(name, other, request, clientId, method, aliasUsed);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A request that must be refused; {@code reportedClientId} is the client the facts name, or null for none. */
    record Refused(RefusalCase refusal, Long reportedClientId) {
        @Override
        public String toString() {
            return refusal.name();
        }
    }

    static Stream<Accepted> acceptedRequests() {
        return Stream.of(
                accepted("client_secret_basic by numeric ID", basic(BASIC_ID, BASIC_SECRET, PASSWORD_GRANT),
                        3001, ClientAuthMethod.CLIENT_SECRET_BASIC, false),
                accepted("client_secret_basic by alias", basic(BASIC_ALIAS, BASIC_SECRET, PASSWORD_GRANT),
                        3001, ClientAuthMethod.CLIENT_SECRET_BASIC, true),
                accepted("client_secret_basic with the same client_id in the body",
                        basic(BASIC_ID, BASIC_SECRET, withGrant("client_id", BASIC_ID)),
                        3001, ClientAuthMethod.CLIENT_SECRET_BASIC, false),
                accepted("client_secret_basic with an empty client_id in the body",
                        basic(BASIC_ID, BASIC_SECRET, withGrant("client_id", "")),
                        3001, ClientAuthMethod.CLIENT_SECRET_BASIC, false),
                accepted("client_secret_basic with an empty client_secret in the body",
                        basic(BASIC_ID, BASIC_SECRET, withGrant("client_secret", "")),
                        3001, ClientAuthMethod.CLIENT_SECRET_BASIC, false),
                accepted("client_secret_basic allowed by the service's list",
                        basic(BASIC_ID, BASIC_SECRET, PASSWORD_GRANT), 3001, ClientAuthMethod.CLIENT_SECRET_BASIC,
                        false).on(serviceAllowing(ClientAuthMethod.CLIENT_SECRET_BASIC)),
                accepted("client_secret_post in the body", body(withGrant("client_id", POST_ID,
                        "client_secret", POST_SECRET)), 3002, ClientAuthMethod.CLIENT_SECRET_POST, false),
                accepted("public client with client_id only", body(withGrant("client_id", PUBLIC_ID)),
                        3003, ClientAuthMethod.NONE, false),
                accepted("public client with an empty client_secret", body(withGrant("client_id", PUBLIC_ID,
                        "client_secret", "")), 3003, ClientAuthMethod.NONE, false),
                accepted("public client with Basic and an empty secret", basic(PUBLIC_ID, "", PASSWORD_GRANT),
                        3003, ClientAuthMethod.NONE, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedRequests")
    void whenClientPresentsValidCredentialsThenItIsIdentifiedAndAuthenticated(Accepted accepted) {
        TokenResult result = fixture.process(accepted.service(), accepted.request());

        ClientIdentity client = EngineAssertions.password(result).facts().client();
        assertThat(client.client().id()).isEqualTo(accepted.clientId());
        assertThat(client.authMethod()).isEqualTo(accepted.method());
        assertThat(client.aliasUsed()).isEqualTo(accepted.aliasUsed());
        assertThat(result.facts().grantType()).isEqualTo(GrantType.PASSWORD);
    }

    static Stream<Refused> unidentifiedClients() {
        return Stream.of(
                unidentified(RefusalCase.invalidClient("unknown numeric client ID",
                        basic("9999", "x", PASSWORD_GRANT), ResultCode.CLIENT_NOT_FOUND)),
                unidentified(RefusalCase.invalidClient("unknown alias", basic("nobody", "x", PASSWORD_GRANT),
                        ResultCode.CLIENT_NOT_FOUND)),
                unidentified(RefusalCase.invalidClient("client of another service",
                        basic(TestClients.OTHER_SERVICE_ID, TestClients.OTHER_SERVICE_SECRET, PASSWORD_GRANT),
                        ResultCode.CLIENT_NOT_FOUND)),
                unidentified(RefusalCase.invalidClient("alias while the service disables aliases",
                        basic(BASIC_ALIAS, BASIC_SECRET, PASSWORD_GRANT), ResultCode.CLIENT_ID_ALIAS_NOT_ENABLED)
                        .on(EngineFixture.serviceBuilder().clientIdAliasEnabled(false).build())),
                unidentified(RefusalCase.invalidClient("alias while the client disables its alias",
                        body(withGrant("client_id", POST_ALIAS, "client_secret", POST_SECRET)),
                        ResultCode.CLIENT_ID_ALIAS_NOT_ENABLED)),
                unidentified(RefusalCase.invalidRequest("header and body name different clients",
                        basic(BASIC_ID, BASIC_SECRET, withGrant("client_id", POST_ID)), ResultCode.CLIENT_ID_CONFLICT)),
                unidentified(RefusalCase.invalidClient("no client ID at all", body(PASSWORD_GRANT),
                        ResultCode.CLIENT_ID_MISSING)),
                unidentified(RefusalCase.invalidClient("no client ID for client_credentials",
                        body("grant_type", "client_credentials"), ResultCode.CLIENT_CREDENTIALS_CLIENT_ID_MISSING)),
                unidentified(RefusalCase.invalidClient("empty client_id", body(withGrant("client_id", "")),
                        ResultCode.CLIENT_ID_EMPTY)),
                unidentified(RefusalCase.invalidClient("empty client ID in the header", basic("", "x", PASSWORD_GRANT),
                        ResultCode.CLIENT_ID_EMPTY)));
    }

    static Stream<Refused> unauthenticatedClients() {
        return Stream.of(
                refused(3004, "locked client", basic(TestClients.LOCKED_ID, "locked-secret", PASSWORD_GRANT),
                        ResultCode.CLIENT_LOCKED),
                refused(3001, "client_secret_basic client sends its secret in the body",
                        body(withGrant("client_id", BASIC_ID, "client_secret", BASIC_SECRET)),
                        ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION),
                refusedRequest(3001, "client_secret_basic client sends secrets in header and body",
                        basic(BASIC_ID, BASIC_SECRET, withGrant("client_secret", BASIC_SECRET)),
                        ResultCode.MULTIPLE_CLIENT_AUTH_METHODS),
                refusedRequest(3001, "client_secret_basic client adds a client_assertion",
                        basic(BASIC_ID, BASIC_SECRET, withGrant("client_assertion", "eyJ.x.y")),
                        ResultCode.MULTIPLE_CLIENT_AUTH_METHODS),
                refused(3001, "client_secret_basic with a wrong secret", basic(BASIC_ID, "wrong", PASSWORD_GRANT),
                        ResultCode.CLIENT_SECRET_WRONG),
                refused(3001, "client_secret_basic with another client's secret",
                        basic(BASIC_ID, POST_SECRET, PASSWORD_GRANT), ResultCode.CLIENT_SECRET_WRONG),
                refused(3001, "client_secret_basic with a secret differing in case",
                        basic(BASIC_ID, BASIC_SECRET.toUpperCase(Locale.ROOT), PASSWORD_GRANT),
                        ResultCode.CLIENT_SECRET_WRONG),
                refused(3001, "client_secret_basic without a secret", basic(BASIC_ID, null, PASSWORD_GRANT),
                        ResultCode.CLIENT_SECRET_MISSING),
                refused(3001, "client_secret_basic with an empty secret", basic(BASIC_ID, "", PASSWORD_GRANT),
                        ResultCode.CLIENT_SECRET_MISSING),
                refused(3002, "client_secret_post client uses Basic only", basic(POST_ID, POST_SECRET, PASSWORD_GRANT),
                        ResultCode.CLIENT_CREDENTIALS_WRONG_LOCATION),
                refusedRequest(3002, "client_secret_post client sends secrets in header and body",
                        basic(POST_ID, POST_SECRET, withGrant("client_secret", POST_SECRET)),
                        ResultCode.MULTIPLE_CLIENT_AUTH_METHODS),
                refused(3002, "client_secret_post with a wrong secret",
                        body(withGrant("client_id", POST_ID, "client_secret", "wrong")),
                        ResultCode.CLIENT_SECRET_WRONG),
                refused(3002, "client_secret_post without a secret", body(withGrant("client_id", POST_ID)),
                        ResultCode.CLIENT_SECRET_MISSING),
                refused(3003, "public client sends a client_secret",
                        body(withGrant("client_id", PUBLIC_ID, "client_secret", "anything")),
                        ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS),
                refused(3003, "public client sends a Basic secret", basic(PUBLIC_ID, "anything", PASSWORD_GRANT),
                        ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS),
                refused(3003, "public client sends a client_assertion",
                        body(withGrant("client_id", PUBLIC_ID, "client_assertion", "eyJ.x.y")),
                        ResultCode.PUBLIC_CLIENT_SENT_CREDENTIALS),
                refused(3005, "public client registered with client_secret_basic",
                        basic(TestClients.PUBLIC_WITH_SECRET_METHOD_ID, "public-secret", PASSWORD_GRANT),
                        ResultCode.PUBLIC_CLIENT_WITHOUT_NONE),
                refused(3006, "confidential client registered with none",
                        body(withGrant("client_id", TestClients.CONFIDENTIAL_NONE_ID)),
                        ResultCode.CONFIDENTIAL_CLIENT_WITH_NONE),
                refused(3007, "private_key_jwt (not implemented)",
                        body(withGrant("client_id", TestClients.PRIVATE_KEY_JWT_ID, "client_assertion_type",
                                "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                                "client_assertion", "eyJ.x.y")),
                        ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED),
                new Refused(RefusalCase.invalidClient("client_secret_basic while the service allows only post",
                        basic(BASIC_ID, BASIC_SECRET, PASSWORD_GRANT), ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED)
                        .on(serviceAllowing(ClientAuthMethod.CLIENT_SECRET_POST)), 3001L),
                new Refused(RefusalCase.invalidClient("public client while the service does not allow none",
                        body(withGrant("client_id", PUBLIC_ID)), ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED)
                        .on(EngineFixture.serviceBuilder()
                                .tokenAuthMethods(EnumSet.of(ClientAuthMethod.CLIENT_SECRET_BASIC)).build()), 3003L),
                new Refused(RefusalCase.badRequest("client not allowed the grant type",
                        basic(TestClients.CLIENT_CREDENTIALS_ONLY_ID, TestClients.CLIENT_CREDENTIALS_ONLY_SECRET,
                                PASSWORD_GRANT), OAuthErrorCode.UNAUTHORIZED_CLIENT,
                        ResultCode.GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT), 3008L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"unidentifiedClients", "unauthenticatedClients"})
    void whenClientCannotBeIdentifiedOrAuthenticatedThenItIsRefused(Refused refused) {
        TokenResult result = refused.refusal().assertOn(fixture);

        if (refused.reportedClientId() == null) {
            assertThat(result.facts().client()).isNull();
        } else {
            ClientIdentity client = result.facts().client();
            assertThat(client.client().id()).isEqualTo(refused.reportedClientId());
            assertThat(client.reportedAuthMethod()).as("Authlete's clientAuthMethod, refusals included")
                    .isEqualTo(fixture.clients().findClient(EngineFixture.SERVICE_ID, refused.reportedClientId())
                            .orElseThrow().tokenAuthMethod());
        }
        assertThat(result.facts().grantType()).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ClientAuthMethod.class, names = {"CLIENT_SECRET_JWT", "PRIVATE_KEY_JWT", "TLS_CLIENT_AUTH",
        "SELF_SIGNED_TLS_CLIENT_AUTH", "ATTEST_JWT_CLIENT_AUTH", "SPIFFE_JWT"})
    void whenClientRegisteredAMethodTheEngineDoesNotImplementThenItIsRefused(ClientAuthMethod method) {
        fixture.clients().add(TestClients.confidential(3401, method, "secret-3401").build());

        TokenResult result = fixture.process(basic("3401", "secret-3401", PASSWORD_GRANT));

        EngineAssertions.invalidClient(result, ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED);
        assertThat(result.result().text()).contains("'" + method.wireValue() + "'");
    }

    @Test
    void whenAnEmbedderRegistersAnAuthenticatorThenItsClientsAuthenticateWithItThroughTheEngine() {
        TokenEngine engine = TokenEngine.builder().clients(fixture.clients()).tokens(stores().tokens())
                .tickets(stores().tickets()).rotationSecret(EngineFixture.ROTATION_SECRET).clock(fixture.clock())
                .clientAuthenticators(ClientAuthenticators.defaults().with(new AssertionNamingTheClient()))
                .build();
        String[] assertion = {"client_assertion_type", ClientAssertion.JWT_BEARER};

        TokenResult accepted = engine.process(EngineFixture.service(), body(withGrant(concat(assertion,
                "client_id", TestClients.PRIVATE_KEY_JWT_ID, "client_assertion", "signed-by-3007"))));
        TokenResult refused = engine.process(EngineFixture.service(), body(withGrant(concat(assertion,
                "client_id", TestClients.PRIVATE_KEY_JWT_ID, "client_assertion", "signed-by-3001"))));
        TokenResult withBasicToo = engine.process(EngineFixture.service(), basic(TestClients.PRIVATE_KEY_JWT_ID,
                "jwt-secret", withGrant(concat(assertion, "client_assertion", "signed-by-3007"))));

        ClientIdentity client = EngineAssertions.password(accepted).facts().client();
        assertThat(client.client().id()).isEqualTo(3007);
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        EngineAssertions.invalidClient(refused, ResultCode.CLIENT_SECRET_WRONG);
        assertThat(withBasicToo.result().code()).isEqualTo(ResultCode.MULTIPLE_CLIENT_AUTH_METHODS);
        // the engine of the fixture, with the default methods only, still does not support it
        EngineAssertions.invalidClient(fixture.process(body(withGrant(concat(assertion,
                "client_id", TestClients.PRIVATE_KEY_JWT_ID, "client_assertion", "signed-by-3007")))),
                ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED);
    }

    /** A stand-in private_key_jwt, registered from outside the engine: "signed-by-{client ID}" is valid. */
    private static final class AssertionNamingTheClient implements ClientAuthenticationMethod {
        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.PRIVATE_KEY_JWT;
        }

        @Override
        public void authenticate(Service service, Client client, PresentedCredentials credentials) {
            if (credentials.hasHeaderSecret() || credentials.hasBodySecret()) {
                throw ClientAuthenticationRefusals.multipleMethods();
            }
            if (!credentials.hasAssertion() || !ClientAssertion.JWT_BEARER.equals(credentials.assertion().type())
                    || !credentials.assertion().value().equals("signed-by-" + client.id())) {
                throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_WRONG);
            }
        }
    }

    private static Accepted accepted(String name, TokenRequest request, long clientId, ClientAuthMethod method,
            boolean aliasUsed) {
        return new Accepted(name, EngineFixture.service(), request, clientId, method, aliasUsed);
    }

    private static Refused unidentified(RefusalCase refusal) {
        return new Refused(refusal, null);
    }

    private static Refused refused(long clientId, String name, TokenRequest request, ResultCode code) {
        return new Refused(RefusalCase.invalidClient(name, request, code), clientId);
    }

    private static Refused refusedRequest(long clientId, String name, TokenRequest request, ResultCode code) {
        return new Refused(RefusalCase.invalidRequest(name, request, code), clientId);
    }

    private static String[] withGrant(String... more) {
        return concat(PASSWORD_GRANT, more);
    }

    private static Service serviceAllowing(ClientAuthMethod method) {
        return EngineFixture.serviceBuilder().tokenAuthMethods(EnumSet.of(method, ClientAuthMethod.NONE)).build();
    }
}
