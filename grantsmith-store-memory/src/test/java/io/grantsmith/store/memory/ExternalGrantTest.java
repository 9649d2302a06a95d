package io.grantsmith.store.memory;

import static io.grantsmith.testkit.TokenRequests.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.TokenEngineBuilder;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.grant.EngineServices;
import io.grantsmith.core.grant.GrantContext;
import io.grantsmith.core.grant.GrantHandler;
import io.grantsmith.core.grant.IssuedTokens;
import io.grantsmith.core.grant.NewTokens;
import io.grantsmith.core.grant.StandardGrants;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.request.RequiredParameter;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.testkit.EngineAssertions;
import io.grantsmith.testkit.EngineFixture;
import io.grantsmith.testkit.TestClients;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Grants registered from outside the engine: routed, checked and served like the built-in ones. */
class ExternalGrantTest {
    private static final String JWT_BEARER = GrantType.JWT_BEARER.wireValue();
    private static final String PRIVATE_GRANT = "urn:example:params:grant-type:toy";
    private static final long CLIENT_ID = 3101;
    private static final String CLIENT_SECRET = "toy-client-secret";
    private static final Client CLIENT = TestClients.confidential(CLIENT_ID, ClientAuthMethod.CLIENT_SECRET_BASIC,
            CLIENT_SECRET).grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.JWT_BEARER)).build();
    private static final Service SERVICE = EngineFixture.serviceBuilder()
            .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.JWT_BEARER)).build();

    private final EngineFixture fixture = fixture(engine -> engine.grant(AssertionAsSubject::new));

    @Test
    void anExtensionGrantRegisteredFromOutsideIssuesATokenThroughProcess() {
        TokenResult result = fixture.process(SERVICE, request(JWT_BEARER, "assertion", "carol", "scope", "read"));

        Issuance issuance = EngineAssertions.issuance(result);
        assertThat(result.facts().grantType()).isEqualTo(GrantType.JWT_BEARER);
        assertThat(issuance.subject()).isEqualTo("carol");
        AccessTokenRecord stored = fixture.accessToken(issuance.accessToken().value()).orElseThrow();
        assertThat(stored.subject()).isEqualTo("carol");
        assertThat(stored.clientId()).isEqualTo(CLIENT_ID);
        assertThat(stored.grantType()).isEqualTo(GrantType.JWT_BEARER);
        assertThat(stored.scopes()).isEqualTo(Scopes.parse("read"));
    }

    @Test
    void theBuiltInGrantsStayBesideAnExtensionGrant() {
        TokenResult result = fixture.process(SERVICE, request("client_credentials", "scope", "read"));

        assertThat(EngineAssertions.issuance(result).subject()).isNull();
    }

    @Test
    void anExtensionGrantsDeclaredParametersAreCheckedBeforeTheClientIsAuthenticated() {
        TokenResult result = fixture.process(SERVICE, basic("no-such-client", "wrong",
                "grant_type", JWT_BEARER, "assertion", "a", "assertion", "b"));

        EngineAssertions.badRequest(result, OAuthErrorCode.INVALID_REQUEST, ResultCode.PARAMETER_REPEATED);
    }

    @Test
    void aServiceThatDoesNotListAnExtensionGrantRefusesIt() {
        Service service = EngineFixture.serviceBuilder().grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS)).build();

        EngineAssertions.badRequest(fixture.process(service, request(JWT_BEARER, "assertion", "carol")),
                OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE);
    }

    @Test
    void aClientThatMayNotUseAnExtensionGrantIsRefused() {
        TokenResult result = fixture.process(SERVICE, basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET,
                "grant_type", JWT_BEARER, "assertion", "carol"));

        EngineAssertions.badRequest(result, OAuthErrorCode.UNAUTHORIZED_CLIENT,
                ResultCode.GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT);
    }

    @Test
    void aGrantTypeAuthleteDoesNotNameReachesAHandlerThatDecidesWhoMayUseIt() {
        EngineFixture withPrivateGrant = fixture(engine -> engine.grant(services -> new PrivateGrant()));

        TokenResult result = withPrivateGrant.process(SERVICE, request(PRIVATE_GRANT));

        EngineAssertions.badRequest(result, OAuthErrorCode.INVALID_GRANT, ResultCode.REFRESH_TOKEN_NOT_FOUND);
        assertThat(result.facts().grantType()).isNull();
        assertThat(result.facts().client().client().id()).isEqualTo(CLIENT_ID);
    }

    @Test
    void withoutItsHandlerAGrantTypeIsRefusedAsBefore() {
        EngineFixture standard = fixture(engine -> { });

        EngineAssertions.badRequest(standard.process(SERVICE, request(JWT_BEARER, "assertion", "carol")),
                OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_NOT_IMPLEMENTED);
        EngineAssertions.badRequest(standard.process(SERVICE, request(PRIVATE_GRANT)),
                OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_UNKNOWN);
        EngineAssertions.badRequest(fixture.process(SERVICE, request(PRIVATE_GRANT)),
                OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_UNKNOWN);
    }

    @Test
    void grantsReplacesTheBuiltInGrants() {
        EngineFixture onlyExtension = fixture(engine -> engine.grants(List.of(AssertionAsSubject::new)));

        EngineAssertions.badRequest(onlyExtension.process(SERVICE, request("client_credentials")),
                OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_NOT_IMPLEMENTED);
        assertThat(EngineAssertions.issuance(onlyExtension.process(SERVICE,
                request(JWT_BEARER, "assertion", "carol"))).subject()).isEqualTo("carol");
    }

    @Test
    void twoHandlersOfOneGrantTypeAreRefusedWhenTheEngineIsBuilt() {
        assertThatThrownBy(() -> fixture(engine -> engine.grants(StandardGrants.FACTORIES)
                .grant(AssertionAsSubject::new).grant(AssertionAsSubject::new)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(JWT_BEARER);
    }

    private static EngineFixture fixture(Consumer<TokenEngineBuilder> grants) {
        EngineFixture fixture = new EngineFixture(new MemoryStores(), grants);
        fixture.clients().add(CLIENT);
        return fixture;
    }

    private static TokenRequest request(String grantType, String... more) {
        String[] parameters = new String[more.length + 2];
        parameters[0] = "grant_type";
        parameters[1] = grantType;
        System.arraycopy(more, 0, parameters, 2, more.length);
        return basic(Long.toString(CLIENT_ID), CLIENT_SECRET, parameters);
    }

    /**
     * A toy JWT bearer grant (RFC 7523 in name only): the assertion is taken as the subject, unverified, and the
     * token is issued through the engine's one issuance step.
     */
    static final class AssertionAsSubject implements GrantHandler {
        private static final ParameterRules RULES = ParameterRules.of(Map.of(), Set.of());
        private final EngineServices services;

        AssertionAsSubject(EngineServices services) {
            this.services = services;
        }

        @Override
        public String grantType() {
            return JWT_BEARER;
        }

        @Override
        public ParameterRules parameterRules() {
            return RULES;
        }

        @Override
        public ResultCode storeFailure() {
            return ResultCode.UNEXPECTED_ERROR;
        }

        @Override
        public TokenResult handle(GrantContext context) {
            String subject = RequiredParameter.read(context.parameters(), "assertion", ResultCode.PARAMETERS_EMPTY,
                    ResultCode.PARAMETERS_EMPTY);
            Scopes scopes = Scopes.parse(context.parameters().optional("scope"));
            IssuedTokens issued = services.issuance().issue(NewTokens.builder(context).subject(subject)
                    .scopes(scopes).build());
            Issuance issuance = new Issuance(context.service().accessTokenType(), issued.accessToken(), null,
                    subject, scopes, null, List.of(), List.of(), List.of(), false);
            return new TokenResult.Ok(context.facts(), ResultCode.CLIENT_CREDENTIALS_OK.message(), issuance);
        }
    }

    /** A grant type no registry names: the handler itself decides who may use it, and refuses every request. */
    static final class PrivateGrant implements GrantHandler {
        @Override
        public String grantType() {
            return PRIVATE_GRANT;
        }

        @Override
        public boolean offeredBy(Service service) {
            return service.supports(GrantType.JWT_BEARER);
        }

        @Override
        public boolean allowedFor(Client client) {
            return client.id() == CLIENT_ID;
        }

        @Override
        public ParameterRules parameterRules() {
            return ParameterRules.of(Map.of(), Set.of());
        }

        @Override
        public ResultCode storeFailure() {
            return ResultCode.UNEXPECTED_ERROR;
        }

        @Override
        public TokenResult handle(GrantContext context) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_GRANT, ResultCode.REFRESH_TOKEN_NOT_FOUND);
        }
    }
}
