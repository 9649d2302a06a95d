package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationRequest;
import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.api.dto.Property;
import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.Concurrently;
import io.grantsmith.testkit.FastSigningKeys;
import io.grantsmith.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The authorization API over the in-memory store, looking at what it stores: the code's hash with the granted
 * scopes and the user's approval, lifetimes of tickets and codes, and refusals decided by the stored ticket.
 */
class AuthorizationApiTest {
    private static final String REDIRECT = "https://client.example/cb";
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private final MutableClock clock = MutableClock.atFixedStart();
    private final MemoryStores stores = new MemoryStores();
    private Grantsmith grantsmith;
    private long serviceId;
    private String clientId;

    @BeforeEach
    void start() {
        grantsmith = Grantsmith.builder().stores(stores).clock(clock).adminToken(FacadeFixture.ADMIN_TOKEN)
                .keyGenerator(new FastSigningKeys()).authorizationTicketLifetime(Duration.ofSeconds(30)).build();
        ObjectNode service = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"demo\","
                + "\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"read\",\"defaultEntry\":true},"
                + "{\"name\":\"write\"}],\"authorizationCodeDuration\":60}"));
        serviceId = service.get("apiKey").asLong();
        clientId = grantsmith.clients().create(serviceId, FacadeFixture.json("{\"clientName\":\"web\","
                + "\"redirectUris\":[\"" + REDIRECT + "\"]}")).get("clientId").asText();
    }

    @AfterEach
    void stop() {
        grantsmith.close();
    }

    private AuthorizationResponse authorize(String extra) {
        return grantsmith.authorizations().authorization(serviceId, new AuthorizationRequest().setParameters(
                "response_type=code&client_id=" + clientId + "&redirect_uri=" + REDIRECT + "&state=s1&nonce=n1"
                        + "&code_challenge=" + CHALLENGE + "&code_challenge_method=S256" + extra));
    }

    private AuthorizationCode redeem(String code) {
        CodeRedemption redemption = stores.authorizationCodes().redeem(TokenLookup.of(code), serviceId,
                clock.instant());
        assertThat(redemption).isInstanceOf(CodeRedemption.Redeemed.class);
        return ((CodeRedemption.Redeemed) redemption).code();
    }

    @Test
    void whenIssuedThenTheCodeIsStoredByItsHashWithTheGrantedScopesAndTheApproval() {
        Instant now = clock.instant();
        String ticket = authorize("&scope=read%20write").getTicket();

        AuthorizationIssueResponse issued = grantsmith.authorizations().issue(serviceId,
                new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice").setSub("pairwise-1")
                        .setAuthTime(1_700_000_000L).setAcr("urn:acr:pwd").setClaims("{\"name\":\"Alice\"}")
                        .setScopes(new String[] {"read", "openid", "unknown"})
                        .setProperties(new Property[] {new Property().setKey("k").setValue("v").setHidden(true)}));

        AuthorizationCode code = redeem(issued.getAuthorizationCode());
        assertThat(code.hash()).isEqualTo(TokenHasher.hash(issued.getAuthorizationCode()));
        assertThat(code.clientId()).isEqualTo(Long.parseLong(clientId));
        // openid was not requested, so it cannot be added; unknown scopes are dropped
        assertThat(code.request().scopes().asList()).containsExactly("read");
        assertThat(code.request().redirectUri()).isEqualTo(REDIRECT);
        assertThat(code.request().redirectUriGiven()).isTrue();
        assertThat(code.request().nonce()).isEqualTo("n1");
        assertThat(code.request().codeChallenge()).isEqualTo(CHALLENGE);
        assertThat(code.request().codeChallengeMethod()).isEqualTo(CodeChallengeMethod.S256);
        assertThat(code.approval().subject()).isEqualTo("alice");
        assertThat(code.approval().sub()).isEqualTo("pairwise-1");
        assertThat(code.approval().authTime()).isEqualTo(1_700_000_000L);
        assertThat(code.approval().acr()).isEqualTo("urn:acr:pwd");
        assertThat(code.approval().claims()).isEqualTo("{\"name\":\"Alice\"}");
        assertThat(code.approval().properties()).containsExactly(new TokenProperty("k", "v", true));
        assertThat(code.issuedAt()).isEqualTo(now);
        assertThat(code.expiresAt()).isEqualTo(now.plusSeconds(60)); // the service's authorizationCodeDuration
    }

    @Test
    void whenOneTicketIsIssuedConcurrentlyThenExactlyOneCodeComesOut() throws Exception {
        String ticket = authorize("").getTicket();

        List<AuthorizationIssueResponse> answers = Concurrently.run(20, () -> grantsmith.authorizations()
                .issue(serviceId, new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice")));

        assertThat(answers).filteredOn(answer -> answer.getAction() == AuthorizationIssueResponse.Action.LOCATION)
                .singleElement().satisfies(answer -> assertThat(answer.getAuthorizationCode()).isNotNull());
        assertThat(answers).filteredOn(answer -> answer.getAction() == AuthorizationIssueResponse.Action.BAD_REQUEST)
                .hasSize(19).allSatisfy(answer -> assertThat(answer.getResultCode()).isEqualTo("A045304"));
    }

    @Test
    void whenScopesAreNotGivenAtIssueThenTheRequestedOnesAreGranted() {
        String ticket = authorize("&scope=write").getTicket();

        String code = grantsmith.authorizations().issue(serviceId, new AuthorizationIssueRequest().setTicket(ticket)
                .setSubject("alice")).getAuthorizationCode();

        AuthorizationCode stored = redeem(code);
        assertThat(stored.request().scopes().asList()).containsExactly("write");
        assertThat(stored.approval().authTime()).isNull();
    }

    @Test
    void whenTheTicketOutlivesItsLifetimeThenIssueAndFailSayItExpired() {
        String ticket = authorize("").getTicket();
        String other = authorize("").getTicket();
        clock.advance(Duration.ofSeconds(30));

        AuthorizationIssueResponse issued = grantsmith.authorizations().issue(serviceId,
                new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice"));
        AuthorizationFailResponse failed = grantsmith.authorizations().fail(serviceId, new AuthorizationFailRequest()
                .setTicket(other).setReason(AuthorizationFailRequest.Reason.DENIED));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.BAD_REQUEST);
        assertThat(issued.getResultCode()).isEqualTo("A041301");
        assertThat(failed.getAction()).isEqualTo(AuthorizationFailResponse.Action.BAD_REQUEST);
        assertThat(failed.getResultCode()).isEqualTo("A059301");
    }

    @Test
    void whenTheCodeOutlivesTheServicesCodeDurationThenItIsExpired() {
        String code = grantsmith.authorizations().issue(serviceId, new AuthorizationIssueRequest()
                .setTicket(authorize("").getTicket()).setSubject("alice")).getAuthorizationCode();
        clock.advance(Duration.ofSeconds(60));

        assertThat(stores.authorizationCodes().redeem(TokenLookup.of(code), serviceId, clock.instant()))
                .isEqualTo(new CodeRedemption.Expired());
    }

    @Test
    void whenTheRequestAsksForAnotherSubjectThenIssueRefuses() {
        String ticket = authorize("&scope=openid&claims=%7B%22id_token%22%3A%7B%22sub%22%3A%7B%22value%22%3A%22bob"
                + "%22%7D%7D%7D").getTicket();

        AuthorizationIssueResponse issued = grantsmith.authorizations().issue(serviceId,
                new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice"));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(issued.getResultCode()).isEqualTo("A042291");
        assertThat(issued.getAuthorizationCode()).isNull();
    }

    @Test
    void whenTheClientIsDeletedBeforeIssueThenBadRequestSinceItsTicketWentWithIt() {
        String ticket = authorize("").getTicket();
        grantsmith.clients().delete(serviceId, clientId);

        AuthorizationIssueResponse issued = grantsmith.authorizations().issue(serviceId,
                new AuthorizationIssueRequest().setTicket(ticket).setSubject("alice"));

        assertThat(issued.getAction()).isEqualTo(AuthorizationIssueResponse.Action.BAD_REQUEST);
        assertThat(issued.getResultCode()).as("the ticket was deleted with its client").isEqualTo("A041202");
    }

    @Test
    void whenFailHasADescriptionThenItReplacesTheMessageButNotTheCode() {
        String ticket = authorize("").getTicket();

        AuthorizationFailResponse failed = grantsmith.authorizations().fail(serviceId, new AuthorizationFailRequest()
                .setTicket(ticket).setReason(AuthorizationFailRequest.Reason.DENIED)
                .setDescription("The user said \"no\"."));

        assertThat(failed.getAction()).isEqualTo(AuthorizationFailResponse.Action.LOCATION);
        assertThat(failed.getResultCode()).isEqualTo("A060306");
        // RFC 6749 §4.1.2.1 forbids '"' in error_description: it becomes '?'
        assertThat(failed.getResponseContent()).contains("error=access_denied")
                .contains("error_description=%5BA060306%5D+The+user+said+%3Fno%3F.");
    }

    @Test
    void whenFailHasNoReasonOrTicketThenItIsTheCallersError() {
        AuthorizationFailResponse noReason = grantsmith.authorizations().fail(serviceId,
                new AuthorizationFailRequest().setTicket(authorize("").getTicket()));
        AuthorizationFailResponse noTicket = grantsmith.authorizations().fail(serviceId,
                new AuthorizationFailRequest().setReason(AuthorizationFailRequest.Reason.DENIED));

        assertThat(List.of(noReason.getAction(), noTicket.getAction()))
                .containsOnly(AuthorizationFailResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(List.of(noReason.getResultCode(), noTicket.getResultCode())).containsExactly("A060201", "A059201");
    }
}
