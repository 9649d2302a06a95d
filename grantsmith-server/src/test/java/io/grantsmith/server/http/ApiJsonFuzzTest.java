package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.facade.Grantsmith;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the API's request bodies (docs/TESTING.md), through the real HTTP edge: whatever
 * the body, JSON or form, the answer is a JSON object below 500; token calls answer with a result code and an
 * action (never the engine's "unexpected error"), management calls with the document or a result code.
 *
 * <p>Input: the first byte chooses the endpoint ({@code '0'} {@code /auth/token}, {@code '1'}
 * {@code /auth/token/issue}, {@code '2'} {@code /auth/token/fail}, {@code '3'} {@code /service/create},
 * {@code '4'} {@code /client/create}, {@code '5'} {@code /service/update} of a fresh service, {@code '6'}
 * {@code /client/update} of a fresh client); the second the content type (even: JSON, odd: form); the rest is
 * the body, with {@link InMemoryEdge#substitute placeholders} such as {@code {client_id}} and {@code {ticket}}.
 */
class ApiJsonFuzzTest {
    /** Memory stores keep every issued token: start afresh now and then. */
    private static final int EXECUTIONS_PER_EDGE = 20_000;

    private static InMemoryEdge edge;
    private static int executions;

    @BeforeAll
    static void start() throws Exception {
        edge = new InMemoryEdge();
    }

    @AfterAll
    static void stop() throws Exception {
        edge.close();
    }

    @FuzzTest(maxDuration = "30s")
    void whenAnyBodyIsPostedThenTheAnswerIsJsonWithAResultCodeBelow500(byte[] input) throws Exception {
        if (input.length < 2) {
            return;
        }
        if (++executions % EXECUTIONS_PER_EDGE == 0) {
            edge.close();
            edge = new InMemoryEdge();
        }
        String contentType = input[1] % 2 == 0 ? "application/json" : "application/x-www-form-urlencoded";
        byte[] body = edge.substitute(new String(input, 2, input.length - 2, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1);
        Grantsmith grantsmith = edge.grantsmith();
        long serviceId = edge.serviceId();
        switch (target(input[0])) {
            case 0 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/token", "{api_secret}", contentType, body));
            case 1 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/token/issue", "{api_secret}", contentType,
                    body));
            case 2 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/token/fail", "{api_secret}", contentType,
                    body));
            case 3 -> {
                JsonNode answer = assertDocumentOrResultCode(post("/api/service/create", "{admin}", contentType, body),
                        "apiKey");
                if (answer.has("apiKey")) {
                    grantsmith.services().delete(answer.get("apiKey").asLong());
                }
            }
            case 4 -> {
                JsonNode answer = assertDocumentOrResultCode(post("/api/" + serviceId + "/client/create", "{api_secret}",
                        contentType, body), "clientId");
                if (answer.has("clientId")) {
                    grantsmith.clients().delete(serviceId, answer.get("clientId").asText());
                }
            }
            case 5 -> {
                ObjectNode scratch = grantsmith.services().create(InMemoryEdge.parse("{\"serviceName\":\"scratch\"}"));
                long scratchId = scratch.get("apiKey").asLong();
                assertDocumentOrResultCode(post("/api/" + scratchId + "/service/update", "{admin}", contentType, body),
                        "apiKey");
                grantsmith.services().delete(scratchId);
            }
            case 7 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/userinfo", "{api_secret}", contentType,
                    body));
            case 8 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/userinfo/issue", "{api_secret}",
                    contentType, body));
            case 9 -> {
                JsonNode answer = assertDocumentOrResultCode(post("/api/" + serviceId + "/user/create", "{api_secret}",
                        contentType, body), "username");
                if (answer.has("username")) {
                    grantsmith.users().remove(serviceId, answer.get("username").asText());
                }
            }
            case 10 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/introspection", "{api_secret}",
                    contentType, body));
            case 11 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/introspection/standard", "{api_secret}",
                    contentType, body));
            case 12 -> assertTokenAnswer(post("/api/" + serviceId + "/auth/revocation", "{api_secret}",
                    contentType, body));
            default -> {
                String clientId = grantsmith.clients().create(serviceId, InMemoryEdge.parse("{\"clientName\":\"scratch\"}"))
                        .get("clientId").asText();
                assertDocumentOrResultCode(post("/api/" + serviceId + "/client/update/" + clientId, "{api_secret}",
                        contentType, body), "clientId");
                grantsmith.clients().delete(serviceId, clientId);
            }
        }
    }

    /**
     * Which API an input exercises: digits pick the first ten (as the committed inputs were recorded), {@code i},
     * {@code s} and {@code r} introspection, standard introspection and revocation.
     */
    private static int target(byte first) {
        return switch (first) {
            case 'i' -> 10;
            case 's' -> 11;
            case 'r' -> 12;
            default -> Math.floorMod(first - '0', 10);
        };
    }

    private static JsonNode post(String path, String bearer, String contentType, byte[] body) throws Exception {
        String head = "POST " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nAuthorization: Bearer "
                + edge.substitute(bearer) + "\r\n";
        return InMemoryEdge.answered(edge.send(head, body), "POST " + path + " (" + contentType + ")");
    }

    private static void assertTokenAnswer(JsonNode answer) {
        InMemoryEdge.assertResultCode(answer);
        if (answer.has("action")) {
            assertThat(answer.get("resultCode").asText()).as("an exception reached the engine's catch-all: %s", answer)
                    .isNotIn(ResultCode.UNEXPECTED_ERROR.code(), ResultCode.REVOCATION_UNEXPECTED_ERROR.code());
        }
    }

    private static JsonNode assertDocumentOrResultCode(JsonNode answer, String idMember) {
        if (!answer.has(idMember)) {
            InMemoryEdge.assertResultCode(answer);
        }
        return answer;
    }
}
