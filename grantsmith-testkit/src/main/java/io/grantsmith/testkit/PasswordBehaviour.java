package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.issued;
import static io.grantsmith.testkit.EngineAssertions.password;
import static io.grantsmith.testkit.TestClients.BASIC_ID;
import static io.grantsmith.testkit.TestClients.BASIC_SECRET;
import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static io.grantsmith.testkit.TokenRequests.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.Property;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.token.TokenFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code grant_type=password} at {@code /auth/token}: validation, then a ticket ({@code PASSWORD}). */
public abstract class PasswordBehaviour extends EngineBehaviourSuite {

    @Test
    void whenRequestIsValidThenTheCallerGetsTheCredentialsAndATicket() {
        TokenResult.Password result = password(fixture.process(EngineFixture.passwordRequest("scope", "read write",
                "resource", EngineFixture.RESOURCE_A)));

        assertThat(result.username()).isEqualTo(EngineFixture.USERNAME);
        assertThat(result.password()).isEqualTo(EngineFixture.PASSWORD);
        // a row key and 256 random bits, as a token: the store appends the ticket to its key index
        assertThat(result.ticket()).hasSize(TokenFormat.LENGTH);
        assertThat(TokenFormat.keyOf(result.ticket())).isPositive();
        assertThat(result.scopes().asList()).containsExactly("read", "write");
        assertThat(result.resources()).containsExactly(EngineFixture.RESOURCE_A);
        assertThat(result.facts().grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(result.facts().client().client().id()).isEqualTo(3001);
        assertThat(result.facts().client().authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
    }

    @Test
    void whenTwoRequestsAreMadeThenEachGetsItsOwnTicket() {
        String first = fixture.ticket(EngineFixture.service());
        String second = fixture.ticket(EngineFixture.service());

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void whenNoScopeIsRequestedThenTheDefaultScopesAreUsed() {
        assertThat(password(fixture.process(EngineFixture.passwordRequest())).scopes().asList())
                .containsExactly("read", "admin");
    }

    @Test
    void whenPublicClientAsksThenItGetsATicket() {
        TokenResult result = fixture.process(TokenRequests.body("grant_type", "password", "username", "u",
                "password", "p", "client_id", TestClients.PUBLIC_ID));

        assertThat(password(result).facts().client().authMethod()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void whenTokenRequestCarriesPropertiesThenTheyAreIgnored() {
        String ticket = password(fixture.process(EngineFixture.passwordRequest()
                .setProperties(new Property[] {property("from-token-request", "x", false)}))).ticket();

        assertThat(issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT))).issuance().properties())
                .isEmpty();
    }

    static Stream<RefusalCase> invalidRequests() {
        Service scopeRequired = EngineFixture.serviceBuilder().scopeRequired(true)
                .scopes(ScopeCatalog.of("read")).build();
        return Stream.of(
                RefusalCase.invalidRequest("username missing", request("password", "p"), ResultCode.USERNAME_MISSING),
                RefusalCase.invalidRequest("username empty", request("username", "", "password", "p"),
                        ResultCode.USERNAME_EMPTY),
                RefusalCase.invalidRequest("password missing", request("username", "u"), ResultCode.PASSWORD_MISSING),
                RefusalCase.invalidRequest("password empty", request("username", "u", "password", ""),
                        ResultCode.PASSWORD_EMPTY),
                RefusalCase.badRequest("unsupported scope", request("username", "u", "password", "p", "scope", "x"),
                        OAuthErrorCode.INVALID_SCOPE, ResultCode.PASSWORD_SCOPE_UNSUPPORTED),
                RefusalCase.badRequest("no scope, no default, service requires one",
                        request("username", "u", "password", "p"), OAuthErrorCode.INVALID_SCOPE,
                        ResultCode.PASSWORD_SCOPE_REQUIRED).on(scopeRequired),
                RefusalCase.badRequest("relative resource", request("username", "u", "password", "p",
                        "resource", "api"), OAuthErrorCode.INVALID_TARGET, ResultCode.RESOURCE_NOT_ABSOLUTE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void whenRequestIsInvalidThenNoTicketIsIssued(RefusalCase refusal) {
        refusal.assertOn(fixture);
    }

    @Test
    void whenClientMayNotRequestTheScopeThenItIsRefused() {
        fixture.clients().add(TestClients.confidential(3201, ClientAuthMethod.CLIENT_SECRET_BASIC, "s")
                .requestableScopes(Set.of("read")).build());

        EngineAssertions.badRequest(fixture.process(basic("3201", "s", "grant_type", "password", "username", "u",
                "password", "p", "scope", "write")), OAuthErrorCode.INVALID_SCOPE,
                ResultCode.PASSWORD_SCOPE_NOT_REQUESTABLE);
    }

    private static TokenRequest request(String... parameters) {
        return basic(BASIC_ID, BASIC_SECRET, TokenRequests.concat(new String[] {"grant_type", "password"},
                parameters));
    }
}
