package io.grantsmith.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Locale;

/** An HTTP response as tests see it, with the assertions that every black-box test shares. */
public record Reply(int status, HttpHeaders headers, String body) {
    /** Text that must never reach a client: stack traces, exception names, HTML error pages. */
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at io.", "at org.", "at java.",
            "<html", "<HTML", "jetty");

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public List<String> headers(String name) {
        return headers.allValues(name);
    }

    public JsonNode json() {
        return Json.parse(body);
    }

    /** The text of a top-level member, or null when absent. */
    public String text(String member) {
        JsonNode value = json().get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Status, a JSON content type, a JSON body and nothing internal in it. */
    public Reply assertJson(int expectedStatus) {
        assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
        return assertJsonBodyWithoutLeaks();
    }

    /** A JSON body (of any status) that shows nothing internal. */
    public Reply assertJsonBodyWithoutLeaks() {
        assertThat(header("Content-Type")).as("Content-Type").isNotNull();
        assertThat(header("Content-Type").toLowerCase(Locale.ROOT)).startsWith("application/json");
        assertThat(body).as("body").doesNotContain(LEAKS);
        assertThat(json().isObject()).as("body is a JSON object: %s", body).isTrue();
        return this;
    }

    /** An API-level failure: {@code {resultCode, resultMessage}} with the given status. */
    public Reply assertApiFailure(int expectedStatus, String resultCode) {
        assertJson(expectedStatus);
        assertThat(text("resultCode")).isEqualTo(resultCode);
        assertThat(text("resultMessage")).startsWith("[" + resultCode + "] ");
        return this;
    }

    /** A processed API call (HTTP 200) with this action and result code. */
    public Reply assertAction(String action, String resultCode) {
        assertJson(200);
        assertThat(text("action")).as("action of %s", body).isEqualTo(action);
        assertThat(text("resultCode")).isEqualTo(resultCode);
        return this;
    }

    /** An RFC 6749 §5.2 error from the token endpoint: no caching, a non-empty error, no null members. */
    public Reply assertOAuthError(int expectedStatus, String error) {
        assertNoStore(expectedStatus);
        assertThat(text("error")).isEqualTo(error);
        assertThat(Json.nullMembers(json())).isEmpty();
        return this;
    }

    /** An OAuth error whose description carries this result code. */
    public Reply assertOAuthError(int expectedStatus, String error, String resultCode) {
        assertOAuthError(expectedStatus, error);
        assertThat(text("error_description")).startsWith("[" + resultCode + "] ");
        return this;
    }

    /** Token-endpoint headers of RFC 6749 §5.1: {@code Cache-Control: no-store}, {@code Pragma: no-cache}. */
    public Reply assertNoStore(int expectedStatus) {
        assertJson(expectedStatus);
        assertThat(header("Cache-Control")).isEqualTo("no-store");
        assertThat(header("Pragma")).isEqualTo("no-cache");
        return this;
    }

    public Reply assertNoChallenge() {
        assertThat(headers("WWW-Authenticate")).isEmpty();
        return this;
    }
}
