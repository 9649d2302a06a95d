package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import io.grantsmith.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code /auth/token/issue} and {@code /auth/token/fail} over HTTP: bad subjects, bad tickets, every reason. */
class TicketApiTest {
    private static final MutableClock CLOCK = new MutableClock(Instant.now());

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite(CLOCK);

    private static ServiceRef service;
    private static ClientRef client;

    @BeforeAll
    static void createServiceAndClient() {
        service = SERVER.service("");
        client = SERVER.client(service, "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00e5lice", "a\u0000b", "tab\there", "\u65e5\u672c", "line\nbreak"})
    void whenSubjectIsNotPrintableAsciiThenIssueAnswersA111202(String subject) {
        issue(ticket(), Json.quote(subject)).assertAction("INTERNAL_SERVER_ERROR", "A111202");
    }

    @Test
    void whenSubjectIsLongerThan100CharactersThenIssueAnswersA111203() {
        issue(ticket(), Json.quote("s".repeat(101))).assertAction("INTERNAL_SERVER_ERROR", "A111203");
        issue(ticket(), Json.quote("s".repeat(100))).assertAction("OK", "A054001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\""})
    void whenSubjectIsMissingOrEmptyThenIssueAnswersA111201(String subject) {
        issue(ticket(), subject).assertAction("INTERNAL_SERVER_ERROR", "A111201");
    }

    @Test
    void whenTicketHasExpiredThenIssueAnswersA055301AndFailA063301() {
        String forIssue = ticket();
        String forFail = ticket();

        CLOCK.advance(Duration.ofMinutes(11));

        issue(forIssue, "\"alice\"").assertAction("INTERNAL_SERVER_ERROR", "A055301");
        fail(forFail, "INVALID_RESOURCE_OWNER_CREDENTIALS").assertAction("INTERNAL_SERVER_ERROR", "A063301");
    }

    @Test
    void whenTicketIsUsedTwiceThenTheSecondUseIsRefused() {
        String ticket = ticket();
        issue(ticket, "\"alice\"").assertAction("OK", "A054001");

        issue(ticket, "\"alice\"").assertAction("INTERNAL_SERVER_ERROR", "A061301");
        Reply failed = fail(ticket, "INVALID_RESOURCE_OWNER_CREDENTIALS").assertJson(200);
        assertThat(failed.text("action")).isEqualTo("INTERNAL_SERVER_ERROR");
    }

    @Test
    void whenTicketIsUnknownOrMissingThenIssueAndFailSaySo() {
        issue("no-such-ticket", "\"alice\"").assertAction("INTERNAL_SERVER_ERROR", "A055202");
        fail("no-such-ticket", "UNKNOWN").assertAction("INTERNAL_SERVER_ERROR", "A063202");
        SERVER.post(service.path("/auth/token/issue")).bearer(service.apiSecret()).json("{\"subject\":\"a\"}").send()
                .assertAction("INTERNAL_SERVER_ERROR", "A055201");
        SERVER.post(service.path("/auth/token/fail")).bearer(service.apiSecret()).json("{\"reason\":\"UNKNOWN\"}")
                .send().assertAction("INTERNAL_SERVER_ERROR", "A063201");
    }

    /** UNKNOWN is the authorization server's own failure (server_error, so HTTP 500 at its token endpoint). */
    @ParameterizedTest
    @CsvSource({"INVALID_RESOURCE_OWNER_CREDENTIALS,BAD_REQUEST,invalid_request,A067301",
            "UNKNOWN,INTERNAL_SERVER_ERROR,server_error,A067302", "INVALID_TARGET,BAD_REQUEST,invalid_target,A067303",
            "INVALID_CLIENT,BAD_REQUEST,invalid_client,A067391",
            "UNAUTHORIZED_CLIENT,BAD_REQUEST,unauthorized_client,A067392",
            "INVALID_SCOPE,BAD_REQUEST,invalid_scope,A067393"})
    void whenFailNamesAReasonThenItBecomesTheClientsError(String reason, String action, String error,
            String resultCode) {
        Reply reply = fail(ticket(), reason).assertAction(action, resultCode);

        assertThat(Json.parse(reply.text("responseContent")).get("error").asText()).isEqualTo(error);
    }

    @Test
    void whenFailHasNoReasonThenA067201() {
        SERVER.post(service.path("/auth/token/fail")).bearer(service.apiSecret())
                .json("{\"ticket\":" + Json.quote(ticket()) + "}").send()
                .assertAction("INTERNAL_SERVER_ERROR", "A067201");
    }

    @Test
    void whenFailNamesAnUnknownReasonThen400NamingTheMember() {
        Reply reply = fail(ticket(), "TELEPATHY").assertApiFailure(400, "A191205");

        assertThat(reply.text("resultMessage")).contains("'reason'").doesNotContain("TELEPATHY");
    }

    private static String ticket() {
        return SERVER.apiToken(service, client, "grant_type=password&username=alice&password=pw")
                .assertAction("PASSWORD", "A051001").text("ticket");
    }

    private static Reply issue(String ticket, String subjectJson) {
        return SERVER.post(service.path("/auth/token/issue")).bearer(service.apiSecret())
                .json("{\"ticket\":" + Json.quote(ticket) + ",\"subject\":" + subjectJson + "}").send();
    }

    private static Reply fail(String ticket, String reason) {
        return SERVER.post(service.path("/auth/token/fail")).bearer(service.apiSecret())
                .json("{\"ticket\":" + Json.quote(ticket) + ",\"reason\":" + Json.quote(reason) + "}").send();
    }
}
