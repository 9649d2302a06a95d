package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.dto.UserInfoIssueRequest;
import io.grantsmith.api.dto.UserInfoIssueResponse;
import io.grantsmith.api.dto.UserInfoRequest;
import io.grantsmith.api.dto.UserInfoResponse;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FailingStores;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /auth/userinfo} and {@code /auth/userinfo/issue} for the token's life and the client's state. */
class UserInfoApiTest {
    private final FailingStores stores = new FailingStores(new MemoryStores());
    private final FacadeFixture fixture = new FacadeFixture(b -> b.stores(stores)
            .publicUrl("https://login.example.com"));
    private final Grantsmith grantsmith = fixture.grantsmith;
    private final long serviceId = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"oidc\","
            + "\"accessTokenDuration\":600,\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"email\"}]}"))
            .get("apiKey").asLong();

    @AfterEach
    void close() {
        grantsmith.close();
    }

    private String token(ObjectNode client, String scope) {
        TokenResponse password = grantsmith.tokens().token(serviceId, FacadeFixture.basic(
                "grant_type=password&username=alice&password=pw&scope=" + scope, client));
        return grantsmith.tokens().issue(serviceId, new TokenIssueRequest().setTicket(password.getTicket())
                .setSubject("user-1")).getAccessToken();
    }

    private ObjectNode client(String members) {
        return fixture.client(serviceId, "\"grantTypes\":[\"PASSWORD\"]" + members);
    }

    private UserInfoResponse userinfo(String token) {
        return grantsmith.userInfo().userInfo(serviceId, new UserInfoRequest().setToken(token));
    }

    @Test
    void whenTokenExpiresThenUserinfoAndIssueAnswerUnauthorized() {
        String token = token(client(""), "openid");
        assertThat(userinfo(token).getAction()).isEqualTo(UserInfoResponse.Action.OK);

        fixture.clock.advance(Duration.ofSeconds(600));

        assertThat(userinfo(token).getResultCode()).isEqualTo("A089301");
        assertThat(userinfo(token).getAction()).isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
        UserInfoIssueResponse issued = grantsmith.userInfo().issue(serviceId,
                new UserInfoIssueRequest().setToken(token));
        assertThat(issued.getAction()).isEqualTo(UserInfoIssueResponse.Action.UNAUTHORIZED);
        assertThat(issued.getResultCode()).isEqualTo("A093301");
    }

    @Test
    void whenTheTokensClientIsLockedOrDeletedThenTheTokenNoLongerReadsUserinfo() {
        ObjectNode locked = client("");
        ObjectNode deleted = client("");
        String lockedToken = token(locked, "openid");
        String deletedToken = token(deleted, "openid");
        long lockedId = locked.get("clientId").asLong();

        grantsmith.clients().update(serviceId, lockedId,
                FacadeFixture.json("{\"clientName\":\"x\",\"grantTypes\":[\"PASSWORD\"],\"locked\":true}"));
        grantsmith.clients().delete(serviceId, deleted.get("clientId").asText());

        assertThat(userinfo(lockedToken).getResultMessage())
                .isEqualTo("[A097303] The client (ID = " + lockedId + ") of the access token is locked.");
        assertThat(userinfo(deletedToken).getResultCode()).as("the token was deleted with its client")
                .isEqualTo("A088302");
        assertThat(userinfo(deletedToken).getAction()).isEqualTo(UserInfoResponse.Action.UNAUTHORIZED);
    }

    @Test
    void whenTheClientsSigningAlgorithmHasNoKeyOrIsUnsupportedThenIssueIsAServerError() {
        String es256 = token(client(",\"userInfoSignAlg\":\"ES256\""), "openid");
        String hs256 = token(client(",\"userInfoSignAlg\":\"HS256\""), "openid");

        UserInfoIssueResponse noKey = grantsmith.userInfo().issue(serviceId, new UserInfoIssueRequest().setToken(es256));
        UserInfoIssueResponse unsupported = grantsmith.userInfo().issue(serviceId,
                new UserInfoIssueRequest().setToken(hs256));

        assertThat(noKey.getAction()).isEqualTo(UserInfoIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(noKey.getResultMessage())
                .isEqualTo("[A096291] The service has no current ES256 key to sign the userinfo response with.");
        assertThat(noKey.getResponseContent()).startsWith("Bearer error=\"server_error\"");
        assertThat(unsupported.getResultCode()).isEqualTo("A096391");
    }

    @Test
    void whenServiceOmitsDescriptionAndUriThenTheChallengeCarriesTheErrorOnly() {
        long quiet = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"quiet\","
                + "\"errorDescriptionOmitted\":true,\"errorUriOmitted\":true}")).get("apiKey").asLong();

        UserInfoResponse response = grantsmith.userInfo().userInfo(quiet, new UserInfoRequest().setToken("x"));

        assertThat(response.getResponseContent()).isEqualTo("Bearer error=\"invalid_token\"");
    }

    /** The claims parameter's userinfo member, kept with the grant, adds its claims to those of the scopes. */
    @Test
    void whenTheGrantsClaimsRequestNamesUserinfoClaimsThenTheyAreListedAndTheRevokedGrantsTokenIsGone() {
        long clientId = client("").get("clientId").asLong();
        Instant now = fixture.clock.instant();
        FamilyId family = FamilyId.random();
        GrantRecord grant = GrantRecord.builder(family).serviceId(serviceId).clientId(clientId).subject("user-1")
                .scopes(Scopes.of("openid")).grantType(GrantType.AUTHORIZATION_CODE)
                .claims("{\"userinfo\":{\"email\":{\"essential\":true},\"nickname\":null,\"sub\":null},"
                        + "\"id_token\":{\"acr\":null}}")
                .createdAt(now).expiresAt(now.plus(Duration.ofDays(1))).build();
        String value = "a-token-whose-grant-has-a-claims-request";
        AccessTokenRecord access = AccessTokenRecord.builder(1_000_001L, TokenHasher.hash(value)).callerChosen(true)
                .serviceId(serviceId).clientId(clientId).subject("user-1").scopes(Scopes.of("openid"))
                .grantType(GrantType.AUTHORIZATION_CODE).issuedAt(now).expiresAt(now.plusSeconds(600)).family(family)
                .build();
        RefreshTokenRecord refresh = RefreshTokenRecord.builder(1_000_002L, TokenHasher.hash("r-" + value), grant)
                .issuedAt(now).expiresAt(now.plus(Duration.ofDays(1))).state(RefreshTokenState.ACTIVE).build();
        assertThat(stores.tokens().saveGrant(access, refresh)).isEqualTo(SaveOutcome.SAVED);

        assertThat(userinfo(value).getClaims()).containsExactly("email", "nickname");

        stores.tokens().revokeGrant(family);
        assertThat(userinfo(value).getResultCode()).isEqualTo("A088302");
    }

    @Test
    void whenTheStoreCannotBeReadThenBothApisAnswerInternalServerErrorWithServerError() {
        String token = token(client(""), "openid");
        stores.fail(FailingStores.Operation.FIND_ACCESS_TOKEN);

        UserInfoResponse checked = userinfo(token);
        UserInfoIssueResponse issued = grantsmith.userInfo().issue(serviceId,
                new UserInfoIssueRequest().setToken(token));

        assertThat(checked.getAction()).isEqualTo(UserInfoResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(checked.getResultCode()).isEqualTo("A088191");
        assertThat(checked.getResponseContent()).startsWith("Bearer error=\"server_error\"");
        assertThat(issued.getAction()).isEqualTo(UserInfoIssueResponse.Action.INTERNAL_SERVER_ERROR);
        assertThat(issued.getResultCode()).isEqualTo("A092191");
    }

    @Test
    void whenTokenIsOfAnotherServiceThenItDoesNotExistHere() {
        String token = token(client(""), "openid");
        long other = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"other\"}"))
                .get("apiKey").asLong();

        UserInfoResponse response = grantsmith.userInfo().userInfo(other, new UserInfoRequest().setToken(token));

        assertThat(response.getResultCode()).isEqualTo("A088302");
    }
}
