package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the {@code Authorization} header (docs/TESTING.md): the parser never throws, Basic
 * credentials it returns are exactly what the header encodes, and every endpoint that reads the header answers
 * any value with a JSON body below 500.
 *
 * <p>Input: the first byte chooses the endpoint ({@code '0'} v3 token API with Bearer, {@code '1'} v2 token API
 * with Basic, {@code '2'} the authorization server's token endpoint with Basic client credentials, {@code '3'}
 * the admin's service list); the rest is the header value, with {@link InMemoryEdge#substitute placeholders}
 * such as {@code {api_secret}} and {@code {basic_client}} for credentials that work.
 */
class AuthorizationHeaderFuzzTest {
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
    void whenAnyAuthorizationHeaderIsSentThenItIsParsedOrRefusedBelow500(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        if (++executions % EXECUTIONS_PER_EDGE == 0) {
            edge.close();
            edge = new InMemoryEdge();
        }
        // CR and LF end a header line: they frame the request rather than belong to the value
        String value = edge.substitute(new String(input, 1, input.length - 1, StandardCharsets.ISO_8859_1))
                .replace("\r", "").replace("\n", "");
        assertParsedWithoutSurprise(value);
        assertParsedWithoutSurprise(new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));

        String json = edge.substitute("{\"parameters\":\"grant_type=client_credentials\",\"clientId\":\"{client_id}\","
                + "\"clientSecret\":\"{client_secret}\"}");
        String header = "Authorization: " + value + "\r\n";
        switch (Math.floorMod(input[0] - '0', 4)) {
            case 0 -> InMemoryEdge.assertResultCode(send("POST /api/" + edge.serviceId() + "/auth/token", "application/json",
                    header, json));
            case 1 -> InMemoryEdge.assertResultCode(send("POST /api/auth/token", "application/json", header, json));
            case 2 -> {
                JsonNode answer = send("POST /as/" + edge.serviceId() + "/token", "application/x-www-form-urlencoded",
                        header, "grant_type=client_credentials");
                assertThat(answer.has("error") || answer.has("access_token")).as("%s", answer).isTrue();
            }
            default -> {
                JsonNode answer = send("GET /api/service/get/list", "application/json", header, "");
                if (!answer.has("services")) {
                    InMemoryEdge.assertResultCode(answer);
                }
            }
        }
    }

    private static JsonNode send(String requestLine, String contentType, String header, String body) throws Exception {
        String head = requestLine + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\n" + header;
        return InMemoryEdge.answered(edge.send(head, body.getBytes(StandardCharsets.UTF_8)), requestLine + " " + header);
    }

    /** The parser's own contract: no exception, and Basic credentials that are exactly what the header encodes. */
    private static void assertParsedWithoutSurprise(String value) {
        assertThat(AuthorizationHeader.scheme(value)).isNotNull();
        String credentials = AuthorizationHeader.credentials(value);
        AuthorizationHeader.basic(value, true);
        AuthorizationHeader.Basic basic = AuthorizationHeader.basic(value, false);
        if (basic != null) {
            String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
            assertThat(basic.user() + ":" + basic.password()).isEqualTo(decoded);
            assertThat(basic.user()).doesNotContain(":");
        }
    }
}
