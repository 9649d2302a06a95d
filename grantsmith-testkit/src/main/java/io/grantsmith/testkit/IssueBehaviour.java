package io.grantsmith.testkit;

import static io.grantsmith.testkit.EngineAssertions.issueRefused;
import static io.grantsmith.testkit.EngineAssertions.issued;
import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.issueRequest;
import static io.grantsmith.testkit.TokenRequests.property;
import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.Property;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.token.TokenFormat;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenIssueResult;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /auth/token/issue}: the tokens a ticket turns into, and caller mistakes that must not use the ticket up. */
public abstract class IssueBehaviour extends EngineBehaviourSuite {
    private static final String CHOSEN_TOKEN = "issue-chosen-token-0001";
    private static final List<TokenProperty> PROPERTIES = List.of(new TokenProperty("tenant", "acme", false),
            new TokenProperty("risk", "low", true));

    @Test
    void whenTicketIsIssuedThenAccessAndRefreshTokensOfOneNewFamilyAreIssuedForTheSubject() {
        String ticket = fixture.ticket(EngineFixture.service(), "scope", "read write",
                "resource", EngineFixture.RESOURCE_A);

        TokenIssueResult.Ok ok = issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT).setProperties(
                new Property[] {property("tenant", "acme", false), property("risk", "low", true)})));

        Issuance issuance = ok.issuance();
        Instant accessExpiry = EngineFixture.START.plus(EngineFixture.ACCESS_TOKEN_DURATION);
        Instant refreshExpiry = EngineFixture.START.plus(EngineFixture.REFRESH_TOKEN_DURATION);
        assertThat(issuance.subject()).isEqualTo(EngineFixture.SUBJECT);
        assertThat(issuance.accessToken().expiresAt()).isEqualTo(accessExpiry);
        assertThat(issuance.accessToken().duration()).isEqualTo(EngineFixture.ACCESS_TOKEN_DURATION);
        assertThat(issuance.refreshToken().expiresAt()).isEqualTo(refreshExpiry);
        assertThat(issuance.refreshToken().duration()).isEqualTo(EngineFixture.REFRESH_TOKEN_DURATION);
        assertThat(issuance.refreshToken().value()).hasSize(TokenFormat.LENGTH).isNotEqualTo(issuance.accessToken().value());
        assertThat(issuance.scopes()).isEqualTo(Scopes.of("read", "write"));
        assertThat(issuance.refreshTokenScopes()).isEqualTo(Scopes.of("read", "write"));
        assertThat(issuance.accessTokenResources()).containsExactly(EngineFixture.RESOURCE_A);
        assertThat(issuance.properties()).isEqualTo(PROPERTIES);
        assertThat(ok.facts().grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(ok.facts().client().client().id()).isEqualTo(3001);
        assertThat(ok.facts().client().authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);

        AccessTokenRecord access = fixture.accessToken(issuance.accessToken().value()).orElseThrow();
        RefreshTokenRecord refresh = fixture.refreshToken(issuance.refreshToken().value()).orElseThrow();
        assertThat(access.family()).isNotNull().isEqualTo(refresh.family());
        assertThat(access.subject()).isEqualTo(EngineFixture.SUBJECT);
        assertThat(access.grantType()).isEqualTo(GrantType.PASSWORD);
        assertThat(access.expiresAt()).isEqualTo(accessExpiry);
        assertThat(access.properties()).isEqualTo(PROPERTIES);
        GrantRecord grant = GrantRecord.builder(access.family()).serviceId(EngineFixture.SERVICE_ID).clientId(3001)
                .subject(EngineFixture.SUBJECT).scopes(Scopes.of("read", "write"))
                .resources(List.of(EngineFixture.RESOURCE_A)).grantType(GrantType.PASSWORD)
                .createdAt(EngineFixture.START)
                .expiresAt(refreshExpiry.isAfter(accessExpiry) ? refreshExpiry : accessExpiry).build();
        assertThat(refresh).isEqualTo(RefreshTokenRecord.builder(refresh.key(), refresh.hash(), grant)
                .issuedAt(EngineFixture.START).expiresAt(refreshExpiry).properties(PROPERTIES)
                .state(RefreshTokenState.ACTIVE).build());
    }

    @Test
    void whenTicketWasObtainedByAliasThenTheTokensRecordIt() {
        String ticket = EngineAssertions.password(fixture.process(basic(TestClients.BASIC_ALIAS,
                TestClients.BASIC_SECRET, "grant_type", "password", "username", "u", "password", "p"))).ticket();

        TokenIssueResult.Ok ok = issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));

        assertThat(ok.facts().client().aliasUsed()).isTrue();
        assertThat(fixture.accessToken(ok.issuance().accessToken().value()).orElseThrow().clientIdAliasUsed()).isTrue();
        assertThat(fixture.refreshToken(ok.issuance().refreshToken().value()).orElseThrow().clientIdAliasUsed())
                .isTrue();
    }

    @Test
    void whenServiceDoesNotSupportRefreshTokensThenOnlyAnAccessTokenIsIssued() {
        Service service = EngineFixture.serviceBuilder().grantTypes(EnumSet.of(GrantType.PASSWORD)).build();

        assertNoRefreshToken(fixture.grant(service));
    }

    @Test
    void whenClientMayNotUseRefreshTokensThenOnlyAnAccessTokenIsIssued() {
        fixture.clients().add(TestClients.confidential(3301, ClientAuthMethod.CLIENT_SECRET_BASIC, "s")
                .grantTypes(EnumSet.of(GrantType.PASSWORD)).build());
        String ticket = EngineAssertions.password(fixture.process(basic("3301", "s", "grant_type", "password",
                "username", "u", "password", "p"))).ticket();

        assertNoRefreshToken(issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT))).issuance());
    }

    @Test
    void whenIssueRequestSetsDurationsAndTokenValueThenTheyAreUsed() {
        TokenIssueRequest request = issueRequest(fixture.ticket(EngineFixture.service()), EngineFixture.SUBJECT)
                .setAccessTokenDuration(120).setRefreshTokenDuration(7200).setAccessToken(CHOSEN_TOKEN);

        Issuance issuance = issued(fixture.issue(request)).issuance();

        assertThat(issuance.accessToken().value()).isEqualTo(CHOSEN_TOKEN);
        assertThat(issuance.accessToken().expiresAt()).isEqualTo(EngineFixture.START.plusSeconds(120));
        assertThat(issuance.refreshToken().expiresAt()).isEqualTo(EngineFixture.START.plusSeconds(7200));
        assertThat(fixture.accessToken(CHOSEN_TOKEN).orElseThrow().subject()).isEqualTo(EngineFixture.SUBJECT);
    }

    @Test
    void whenExpirationIsLinkedThenTheAccessTokenDoesNotOutliveTheRefreshToken() {
        Duration shortRefresh = Duration.ofMinutes(30);
        Service linked = EngineFixture.serviceBuilder().refreshTokenDuration(shortRefresh).tokenExpirationLinked(true)
                .build();
        Service unlinked = EngineFixture.serviceBuilder().refreshTokenDuration(shortRefresh).build();

        Issuance capped = fixture.grant(linked);
        Issuance uncapped = fixture.grant(unlinked);

        assertThat(capped.accessToken().expiresAt()).isEqualTo(EngineFixture.START.plus(shortRefresh));
        assertThat(capped.accessToken().duration()).isEqualTo(shortRefresh);
        assertThat(fixture.accessToken(capped.accessToken().value()).orElseThrow().expiresAt())
                .isEqualTo(EngineFixture.START.plus(shortRefresh));
        assertThat(uncapped.accessToken().duration()).isEqualTo(EngineFixture.ACCESS_TOKEN_DURATION);
    }

    static Stream<Arguments> callerMistakes() {
        return Stream.of(
                mistake("subject missing", request -> request.setSubject(null), ResultCode.SUBJECT_MISSING),
                mistake("subject empty", request -> request.setSubject(""), ResultCode.SUBJECT_MISSING),
                mistake("subject not ASCII", request -> request.setSubject("alicé"), ResultCode.SUBJECT_NOT_ASCII),
                mistake("subject with a control character", request -> request.setSubject("ali\nce"),
                        ResultCode.SUBJECT_NOT_ASCII),
                mistake("subject longer than 100", request -> request.setSubject("a".repeat(101)),
                        ResultCode.SUBJECT_TOO_LONG),
                mistake("caller-chosen token invalid", request -> request.setAccessToken("not a token"),
                        ResultCode.ISSUE_ACCESS_TOKEN_INVALID),
                mistake("properties too big", request -> request.setProperties(new Property[] {
                    property("blob", "x".repeat(64 * 1024), false)}), ResultCode.ISSUE_PROPERTIES_TOO_BIG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callerMistakes")
    void whenIssueRequestIsWrongThenTheCallerIsToldAndTheTicketStaysUsable(String name,
            UnaryOperator<TokenIssueRequest> mistake, ResultCode code) {
        String ticket = fixture.ticket(EngineFixture.service());

        issueRefused(fixture.issue(mistake.apply(issueRequest(ticket, EngineFixture.SUBJECT))), code);

        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));
    }

    @Test
    void whenCallerChosenTokenIsInUseThenTheCallerIsToldAndTheTicketStaysUsable() {
        String earlier = fixture.ticket(EngineFixture.service());
        issued(fixture.issue(issueRequest(earlier, "bob").setAccessToken(CHOSEN_TOKEN)));
        String ticket = fixture.ticket(EngineFixture.service());

        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT).setAccessToken(CHOSEN_TOKEN)),
                ResultCode.ISSUE_ACCESS_TOKEN_IN_USE);

        assertThat(fixture.accessToken(CHOSEN_TOKEN).orElseThrow().subject()).isEqualTo("bob");
        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)));
    }

    /** A change made to the ticket's client, or to the service, between /auth/token and /auth/token/issue. */
    record ClientChange(String name, UnaryOperator<Client> change, Service service, ResultCode code,
            boolean clientReported) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ClientChange> changesSinceTheTicket() {
        Service standard = EngineFixture.service();
        return Stream.of(
                new ClientChange("client deleted", client -> null, standard, ResultCode.ISSUE_CLIENT_NOT_FOUND, false),
                new ClientChange("client locked", client -> rebuilt(client).locked(true).build(), standard,
                        ResultCode.ISSUE_CLIENT_LOCKED, true),
                new ClientChange("client no longer allowed the password grant", client -> rebuilt(client)
                        .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN)).build(),
                        standard, ResultCode.ISSUE_GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT, true),
                new ClientChange("service no longer supports the password grant", client -> client,
                        EngineFixture.serviceBuilder().grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS,
                                GrantType.REFRESH_TOKEN)).build(),
                        ResultCode.ISSUE_GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changesSinceTheTicket")
    void whenTheTicketsClientMayNoLongerHaveTokensThenIssueIsRefusedAndTheTicketIsUsedUp(ClientChange change) {
        Client original = TestClients.confidential(3501, ClientAuthMethod.CLIENT_SECRET_BASIC, "s3501").build();
        fixture.clients().add(original);
        String ticket = EngineAssertions.password(fixture.process(basic("3501", "s3501", "grant_type", "password",
                "username", "u", "password", "p"))).ticket();
        Client changed = change.change().apply(original);
        fixture.clients().remove(original.id());
        if (changed != null) {
            fixture.clients().add(changed);
        }

        TokenIssueResult result = fixture.issue(change.service(), issueRequest(ticket, EngineFixture.SUBJECT));

        issueRefused(result, change.code());
        assertThat(result.result().text()).doesNotContain("%");
        if (change.clientReported()) {
            assertThat(result.facts().client().client().id()).isEqualTo(original.id());
        } else {
            assertThat(result.facts().client()).isNull();
        }
        fixture.clients().add(original);
        issueRefused(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT)), ResultCode.TICKET_ALREADY_USED);
    }

    @Test
    void whenAnotherServiceChoseTheSameAccessTokenThenTheTicketIssuesItHereToo() {
        Service other = Service.builder(EngineFixture.OTHER_SERVICE_ID).build();
        String otherTicket = EngineAssertions.password(fixture.process(other, basic(TestClients.OTHER_SERVICE_ID,
                TestClients.OTHER_SERVICE_SECRET, "grant_type", "password", "username", EngineFixture.USERNAME,
                "password", EngineFixture.PASSWORD))).ticket();
        issued(fixture.issue(other, issueRequest(otherTicket, "bob").setAccessToken(CHOSEN_TOKEN)));
        String ticket = fixture.ticket(EngineFixture.service());

        issued(fixture.issue(issueRequest(ticket, EngineFixture.SUBJECT).setAccessToken(CHOSEN_TOKEN)));

        assertThat(fixture.accessToken(CHOSEN_TOKEN).orElseThrow().subject()).isEqualTo(EngineFixture.SUBJECT);
        assertThat(fixture.accessToken(EngineFixture.OTHER_SERVICE_ID, CHOSEN_TOKEN).orElseThrow().subject())
                .isEqualTo("bob");
    }

    @Test
    void whenSubjectIsExactlyOneHundredPrintableCharactersThenItIsAccepted() {
        String subject = "~".repeat(50) + " ".repeat(49) + "!";

        TokenIssueResult result = fixture.issue(issueRequest(fixture.ticket(EngineFixture.service()), subject));

        assertThat(issued(result).issuance().subject()).isEqualTo(subject);
    }

    /** A builder holding everything of {@code client}, to change one thing. */
    private static Client.Builder rebuilt(Client client) {
        return TestClients.confidential(client.id(), client.tokenAuthMethod(), "s" + client.id())
                .grantTypes(client.grantTypes()).locked(client.locked());
    }

    private static Arguments mistake(String name, UnaryOperator<TokenIssueRequest> mistake, ResultCode code) {
        return Arguments.of(name, mistake, code);
    }

    private void assertNoRefreshToken(Issuance issuance) {
        assertThat(issuance.refreshToken()).isNull();
        assertThat(issuance.refreshTokenScopes()).isNull();
        assertThat(fixture.accessToken(issuance.accessToken().value()).orElseThrow().family()).isNull();
    }
}
