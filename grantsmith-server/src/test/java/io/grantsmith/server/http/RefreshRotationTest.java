package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Refresh-token rotation through {@code /as/{id}/token}: reuse detection, idempotent retries, races. */
class RefreshRotationTest {
    private static final int CONCURRENT_REFRESHES = 8;

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    @Test
    void whenRefreshedThenANewRefreshTokenAndTheOldOneIsRefusedAsReuseRevokingTheNewOne() {
        Grant grant = Grant.start(false);
        String first = grant.passwordGrant();

        String second = grant.refresh(first).assertNoStore(200).text("refresh_token");
        assertThat(second).isNotBlank().isNotEqualTo(first);

        grant.refresh(first).assertOAuthError(400, "invalid_grant", "A053391");
        grant.refresh(second).assertOAuthError(400, "invalid_grant", "A053392");
    }

    @Test
    void whenServiceIsIdempotentThenARetryWithTheOldTokenGetsTheSameSuccessor() {
        Grant grant = Grant.start(true);
        String first = grant.passwordGrant();
        String second = grant.refresh(first).assertNoStore(200).text("refresh_token");

        Reply retry = grant.refresh(first).assertNoStore(200);
        Reply viaApi = SERVER.apiToken(grant.service, grant.client,
                "grant_type=refresh_token&refresh_token=" + first).assertAction("OK", "A053001");

        assertThat(retry.text("refresh_token")).isEqualTo(second);
        assertThat(viaApi.text("refreshToken")).isEqualTo(second);
        assertThat(viaApi.json().get("previousRefreshTokenUsed").asBoolean()).isTrue();
        grant.refresh(second).assertNoStore(200);
    }

    @Test
    void whenOneTokenIsRefreshedConcurrentlyThenAtMostOneSuccessorStaysLive() {
        Grant grant = Grant.start(false);
        String token = grant.passwordGrant();

        List<Reply> replies = grant.refreshConcurrently(token);

        assertThat(replies).allSatisfy(reply -> assertThat(reply.status()).isIn(200, 400));
        assertThat(replies).filteredOn(reply -> reply.status() == 400)
                .allSatisfy(reply -> assertThat(reply.text("error")).isEqualTo("invalid_grant"));
        Set<String> successors = successors(replies);
        assertThat(successors).hasSizeLessThanOrEqualTo(1);
        long live = successors.stream().filter(successor -> grant.refresh(successor).status() == 200).count();
        assertThat(live).isLessThanOrEqualTo(1);
    }

    @Test
    void whenIdempotentTokenIsRefreshedConcurrentlyThenEverySuccessIsTheSameLiveSuccessor() {
        Grant grant = Grant.start(true);
        String token = grant.passwordGrant();

        List<Reply> replies = grant.refreshConcurrently(token);

        Set<String> successors = successors(replies);
        assertThat(successors).hasSize(1);
        grant.refresh(successors.iterator().next()).assertNoStore(200);
    }

    private static Set<String> successors(List<Reply> replies) {
        return replies.stream().filter(reply -> reply.status() == 200).map(reply -> reply.text("refresh_token"))
                .collect(Collectors.toSet());
    }

    /** A service (idempotent refresh set through the management API), a client and a user. */
    private record Grant(ServiceRef service, ClientRef client) {
        static Grant start(boolean idempotent) {
            ServiceRef service = SERVER.service("");
            if (idempotent) {
                ObjectNode document = (ObjectNode) SERVER.get(service.path("/service/get"))
                        .bearer(service.apiSecret()).send().assertJson(200).json();
                document.put("refreshTokenIdempotent", true);
                SERVER.post(service.path("/service/update")).bearer(service.apiSecret())
                        .json(document.toString()).send().assertJson(200);
            }
            SERVER.user(service, "alice", "pw");
            return new Grant(service, SERVER.client(service, ""));
        }

        String passwordGrant() {
            return SERVER.asToken(service, client, "grant_type=password&username=alice&password=pw")
                    .assertNoStore(200).text("refresh_token");
        }

        Reply refresh(String refreshToken) {
            return SERVER.asToken(service, client, "grant_type=refresh_token&refresh_token=" + refreshToken);
        }

        List<Reply> refreshConcurrently(String refreshToken) {
            List<CompletableFuture<Reply>> pending = IntStream.range(0, CONCURRENT_REFRESHES)
                    .mapToObj(i -> SERVER.post("/as/" + service.id() + "/token").basic(client.id(), client.secret())
                            .form("grant_type=refresh_token&refresh_token=" + refreshToken).sendAsync())
                    .collect(Collectors.toList());
            return pending.stream().map(CompletableFuture::join).collect(Collectors.toList());
        }
    }
}
