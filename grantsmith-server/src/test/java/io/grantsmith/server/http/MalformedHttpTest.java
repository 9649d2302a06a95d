package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.RawHttp;
import io.grantsmith.server.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that break HTTP itself: Jetty's own error path must answer JSON too, never an HTML page. */
class MalformedHttpTest {
    private static final String CRLF = "\r\n";

    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a garbage request line|GARBAGE",
            "a space inside the path|GET /he alth HTTP/1.1",
            "a bad escape in the path|GET /%zz HTTP/1.1",
            "an encoded dot-dot segment|GET /api/%2e%2e/service/get/list HTTP/1.1",
            "an unknown method token|BR@KEN /health HTTP/1.1",
            "broken escapes in the query|GET /api/1/client/get/list?start=%zz&end=% HTTP/1.1"})
    void whenRequestLineIsMalformedThenA4xxJson(String description, String requestLine) {
        Reply reply = RawHttp.exchange(SERVER.port(), requestLine + CRLF + "Host: x" + CRLF + "Authorization: Bearer "
                + HttpFixture.ADMIN_TOKEN + CRLF + "Connection: close" + CRLF + CRLF);

        assertThat(reply.status()).as(description).isBetween(400, 499);
        reply.assertJsonBodyWithoutLeaks();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bad Header", "Content-Length: abc", "Content-Length: 5\r\nContent-Length: 6",
            "X-Control: a\u0001b", "X-Nul: a\u0000b", " folded: header"})
    void whenHeadersAreMalformedThen400Json(String header) {
        Reply reply = RawHttp.exchange(SERVER.port(), "POST /as/1/token HTTP/1.1" + CRLF + "Host: x" + CRLF
                + header + CRLF + "Connection: close" + CRLF + CRLF);

        reply.assertJson(400);
    }

    @Test
    void whenPathHasBytesThatAreNotUtf8Then400Json() {
        byte[] request = ("GET /api/\u00ff\u00fe/service/get HTTP/1.1" + CRLF + "Host: x" + CRLF
                + "Connection: close" + CRLF + CRLF).getBytes(StandardCharsets.ISO_8859_1);

        Reply reply = RawHttp.exchange(SERVER.port(), request);

        assertThat(reply.status()).isBetween(400, 499);
        reply.assertJsonBodyWithoutLeaks();
    }

    @Test
    void whenHeadersAreOversizedThen431Json() {
        Reply reply = RawHttp.exchange(SERVER.port(), "GET /health HTTP/1.1" + CRLF + "Host: x" + CRLF
                + "X-Big: " + "a".repeat(20_000) + CRLF + CRLF);

        reply.assertJson(431);
        assertThat(reply.text("error")).isEqualTo("invalid_request");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Pragma")).isEqualTo("no-cache");
    }

    @Test
    void whenJettyRefusesAnApiRequestItselfThenTheBodyHasAuthletesShape() {
        Reply reply = RawHttp.exchange(SERVER.port(), "GET /api/1/service/get HTTP/1.1" + CRLF + "Host: x" + CRLF
                + "X-Big: " + "a".repeat(20_000) + CRLF + CRLF);

        reply.assertJson(431);
        assertThat(reply.text("resultCode")).isEqualTo("A191205");
        assertThat(reply.text("resultMessage")).startsWith("[A191205] /api/1/service/get, ").contains("HTTP 431");
    }

    @Test
    void whenRequestLineIsOversizedThen414Json() {
        Reply reply = RawHttp.exchange(SERVER.port(), "GET /" + "a".repeat(20_000) + " HTTP/1.1" + CRLF
                + "Host: x" + CRLF + CRLF);

        assertThat(reply.status()).isIn(414, 431);
        reply.assertJsonBodyWithoutLeaks();
    }

    /** RFC 9110 §15.6.6 names this status; a line without a version is HTTP/0.9, which Jetty does not speak. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /health HTTP/9.9", "GET /health"})
    void whenHttpVersionIsUnsupportedThen505Json(String requestLine) {
        RawHttp.exchange(SERVER.port(), requestLine + CRLF + "Host: x" + CRLF + CRLF).assertJson(505);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token endpoint|/as/1/token|application/x-www-form-urlencoded",
            "API|/api/1/auth/token|application/json"})
    void whenChunkedBodyIsMalformedThen400Json(String description, String path, String contentType) {
        Reply reply = RawHttp.exchange(SERVER.port(), "POST " + path + " HTTP/1.1" + CRLF + "Host: x" + CRLF
                + "Authorization: Bearer " + HttpFixture.ADMIN_TOKEN + CRLF + "Content-Type: " + contentType + CRLF
                + "Transfer-Encoding: chunked" + CRLF + "Connection: close" + CRLF + CRLF + "zz" + CRLF + "abc"
                + CRLF + "0" + CRLF + CRLF);

        reply.assertJson(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token endpoint|/as/1/token|application/x-www-form-urlencoded|error",
            "API|/api/1/auth/token|application/json|resultCode"})
    void whenDeclaredLengthIsHugeThen413JsonWithoutWaitingForTheBody(String description, String path,
            String contentType, String member) {
        Reply reply = RawHttp.exchange(SERVER.port(), "POST " + path + " HTTP/1.1" + CRLF + "Host: x" + CRLF
                + "Authorization: Bearer " + HttpFixture.ADMIN_TOKEN + CRLF + "Content-Type: " + contentType + CRLF
                + "Content-Length: 99999999999" + CRLF + CRLF + "grant_type=");

        reply.assertJson(413);
        assertThat(reply.json().has(member)).isTrue();
    }
}
