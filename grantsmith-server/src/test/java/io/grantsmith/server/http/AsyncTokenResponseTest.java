package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.HttpTarget;
import io.grantsmith.server.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token endpoints answer from the commit (issue #9): while the store has not committed a token, its request
 * holds no worker thread and gets no answer; the commit sends the 200, a failed commit the server error; and the
 * request's sender slot is given back exactly once, when its answer is sent.
 */
class AsyncTokenResponseTest {
    private static final long PROMPT_SECONDS = 20;
    /** Fewer worker threads than requests held at once: a request that kept its thread could not all be held. */
    private static final int WORKER_THREADS = 12;

    private final HeldTokenWrites writes = new HeldTokenWrites();
    private HttpFixture server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void whenCommitsArePendingThenTokenRequestsHoldNoThreadAndAreAnsweredOnlyOnceTheyCommit() throws Exception {
        start();
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        AuthorizationServerEndpoint.ClientSender sender =
                new AuthorizationServerEndpoint.ClientSender(service.id(), client.id());
        int asCalls = 30;
        int apiCalls = 10;
        List<CompletableFuture<Reply>> asReplies = new ArrayList<>();
        List<CompletableFuture<Reply>> apiReplies = new ArrayList<>();
        for (int i = 0; i < asCalls; i++) {
            asReplies.add(asToken(service, client, "grant_type=client_credentials"));
        }
        for (int i = 0; i < apiCalls; i++) {
            apiReplies.add(server.post(service.path("/auth/token")).bearer(service.apiSecret())
                    .json(HttpFixture.tokenRequest("grant_type=client_credentials", client, "")).sendAsync());
        }
        // 40 requests in process at once on a pool of 12 threads (selector and acceptor included): they hold none
        await(() -> writes.pending() == asCalls + apiCalls, "every token's write is held, beyond the pool's size");
        assertThat(asCalls + apiCalls).isGreaterThan(WORKER_THREADS);

        assertThat(server.get("/health").send().status()).as("the server still answers").isEqualTo(200);
        assertThat(asReplies).as("no answer before the commit").noneMatch(CompletableFuture::isDone);
        assertThat(apiReplies).as("no answer before the commit").noneMatch(CompletableFuture::isDone);
        assertThat(server.server().senders().inProcess(sender)).as("each keeps its slot").isEqualTo(asCalls);
        assertThat(server.server().senders().inProcess(new ApiAuthentication.ApiSender(service.id())))
                .isEqualTo(apiCalls);

        // each commit answers exactly one request and gives back exactly its one slot
        ApiAuthentication.ApiSender apiSender = new ApiAuthentication.ApiSender(service.id());
        List<CompletableFuture<Reply>> all = new ArrayList<>(asReplies);
        all.addAll(apiReplies);
        SenderGate senders = server.server().senders();
        for (int committed = 1; committed <= all.size(); committed++) {
            writes.commitOne();
            int answered = committed;
            int stillHeld = all.size() - committed;
            await(() -> all.stream().filter(CompletableFuture::isDone).count() == answered
                    && senders.inProcess(sender) + senders.inProcess(apiSender) == stillHeld,
                    "one answer and one slot per commit");
        }
        for (CompletableFuture<Reply> reply : asReplies) {
            assertThat(reply.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertNoStore(200).text("access_token")).isNotBlank();
        }
        for (CompletableFuture<Reply> reply : apiReplies) {
            reply.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertAction("OK", "A052001");
        }
        await(() -> server.server().senders().senders() == 0, "every slot given back");
    }

    @Test
    void whenCommitsArePendingThenTheirRequestsGiveTheirSlotsUpAndMoreThanTheBudgetAwaitCommits() throws Exception {
        server = HttpFixture.over(writes.stores()).limits(EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO)
                .withMaxThreads(WORKER_THREADS).withRequestsInProcess(2));
        server.beforeAll(null);
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        AuthorizationServerEndpoint.ClientSender sender =
                new AuthorizationServerEndpoint.ClientSender(service.id(), client.id());
        SenderGate senders = server.server().senders();
        int calls = 12; // six times the budget of 2, within the stage budget of 16
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            replies.add(asToken(service, client, "grant_type=client_credentials"));
        }

        await(() -> writes.pending() == calls, "every request's write is queued, not only the budget's");
        await(() -> senders.awaitingStage(sender) == calls, "each gave its slot up to await its commit");
        assertThat(senders.waiting(sender)).isZero();
        assertThat(replies).as("no answer before the commit").noneMatch(CompletableFuture::isDone);

        for (int i = 0; i < calls; i++) {
            writes.commitOne();
        }
        for (CompletableFuture<Reply> reply : replies) {
            assertThat(reply.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertNoStore(200).text("access_token"))
                    .isNotBlank();
        }
        await(() -> senders.senders() == 0, "every slot given back");
    }

    @Test
    void whenARefreshIsPendingThenItIsAnsweredFromItsCommitToo() throws Exception {
        start();
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        server.user(service, "alice", "pw");
        // the password grant's write is blocking (its ticket path is not on the asynchronous port): it goes through
        String refreshToken = server.asToken(service, client, "grant_type=password&username=alice&password=pw")
                .assertNoStore(200).text("refresh_token");

        CompletableFuture<Reply> refreshed = asToken(service, client, "grant_type=refresh_token&refresh_token="
                + refreshToken);
        await(() -> writes.pending() == 1, "the refresh's write is held");
        assertThat(refreshed).isNotDone();
        // a refresh may sign an ID token or retry after its commit: it keeps its slot, unlike client_credentials
        AuthorizationServerEndpoint.ClientSender sender =
                new AuthorizationServerEndpoint.ClientSender(service.id(), client.id());
        await(() -> server.server().senders().inProcess(sender) == 1, "the refresh is in process");
        assertThat(server.server().senders().awaitingStage(sender)).as("kept its slot").isZero();
        writes.commitOne();

        Reply reply = refreshed.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertNoStore(200);
        assertThat(reply.text("refresh_token")).isNotBlank().isNotEqualTo(refreshToken);
    }

    @Test
    void whenACommitFailsAtTheWriteTimeoutThenTheRequestGetsTheServerErrorAndItsSlotBack() throws Exception {
        start();
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        AuthorizationServerEndpoint.ClientSender sender =
                new AuthorizationServerEndpoint.ClientSender(service.id(), client.id());
        CompletableFuture<Reply> asReply = asToken(service, client, "grant_type=client_credentials");
        await(() -> writes.pending() == 1, "the /as write is held");
        CompletableFuture<Reply> apiReply = server.post(service.path("/auth/token")).bearer(service.apiSecret())
                .json(HttpFixture.tokenRequest("grant_type=client_credentials", client, "")).sendAsync();
        await(() -> writes.pending() == 2, "the /api write is held");

        writes.failOne();
        writes.failOne();

        asReply.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertOAuthError(500, "server_error");
        apiReply.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertAction("INTERNAL_SERVER_ERROR", "A052101");
        await(() -> server.server().senders().inProcess(sender) == 0 && server.server().senders().senders() == 0,
                "the slots are given back");
        // the slot is given back before the request is counted, so the count may trail by a moment
        Pattern failedCount = Pattern.compile(
                "grantsmith_http_requests_seconds_count\\{[^}]*route=\"/as/token\"[^}]*status=\"500\"");
        await(() -> failedCount.matcher(metrics()).find(), "the failed request is counted with its status");
    }

    @Test
    void whenTheClientLeavesWhileItsCommitIsPendingThenItsSlotIsGivenBackOnceTheCommitCompletes() throws Exception {
        start();
        ServiceRef service = server.service("");
        ClientRef client = server.client(service, "");
        AuthorizationServerEndpoint.ClientSender sender =
                new AuthorizationServerEndpoint.ClientSender(service.id(), client.id());
        byte[] form = "grant_type=client_credentials".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /as/" + service.id() + "/token HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + HttpTarget.basicHeader(client.id(), client.secret())
                    + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(form);
            out.flush();
            await(() -> writes.pending() == 1, "the write is held");
        }
        Thread.sleep(200);
        assertThat(server.server().senders().inProcess(sender)).as("the slot follows the work, not the connection")
                .isEqualTo(1);

        writes.commitOne();

        await(() -> server.server().senders().senders() == 0, "the slot is given back");
        CompletableFuture<Reply> next = asToken(service, client, "grant_type=client_credentials");
        writes.commitOne();
        next.get(PROMPT_SECONDS, TimeUnit.SECONDS).assertNoStore(200);
    }

    private void start() throws IOException {
        server = HttpFixture.over(writes.stores()).limits(EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO)
                .withMaxThreads(WORKER_THREADS).withRequestsInProcess(200));
        server.beforeAll(null);
    }

    private CompletableFuture<Reply> asToken(ServiceRef service, ClientRef client, String form) {
        return server.post("/as/" + service.id() + "/token").basic(client.id(), client.secret()).form(form)
                .sendAsync();
    }

    private String metrics() {
        try {
            return server.get("/metrics").bearer(HttpFixture.ADMIN_TOKEN).send().body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROMPT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
