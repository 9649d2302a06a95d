package io.grantsmith.server.http;

import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationResponse;
import java.nio.charset.StandardCharsets;

/**
 * What an authorization endpoint does with each action of the authorization API, as Authlete's documentation
 * describes it for an authorization server (reference/authlete-authorization-api.md §2.3, §3.2, §4): the
 * built-in server's {@code /authorize} answers by these. The switches have no default: a new action does not
 * compile until it is mapped here, and {@code AuthorizationActionHandlingTest} lists the mapping as documented.
 * Every answer carries {@code Cache-Control: no-store} and {@code Pragma: no-cache}.
 */
enum AuthorizationActionHandling {
    /** 400 with {@code responseContent} as JSON: the error cannot go to the client. */
    SEND_BAD_REQUEST,
    /** 500 with {@code responseContent} as JSON. */
    SEND_SERVER_ERROR,
    /** 302 to {@code responseContent} (a code or an error for the client). */
    REDIRECT,
    /** 200 with {@code responseContent}, an auto-submitting HTML form ({@code form_post}). */
    SEND_FORM,
    /** Show the login and consent page; then {@code /issue} or {@code /fail}. */
    SHOW_LOGIN_AND_CONSENT,
    /** Decide without a page ({@code prompt=none}): {@code /issue} with the current session or {@code /fail}. */
    DECIDE_WITHOUT_INTERACTION;

    static AuthorizationActionHandling of(AuthorizationResponse.Action action) {
        return switch (action) {
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case LOCATION -> REDIRECT;
            case FORM -> SEND_FORM;
            case NO_INTERACTION -> DECIDE_WITHOUT_INTERACTION;
            case INTERACTION -> SHOW_LOGIN_AND_CONSENT;
        };
    }

    static AuthorizationActionHandling of(AuthorizationIssueResponse.Action action) {
        return switch (action) {
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case LOCATION -> REDIRECT;
            case FORM -> SEND_FORM;
        };
    }

    static AuthorizationActionHandling of(AuthorizationFailResponse.Action action) {
        return switch (action) {
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case LOCATION -> REDIRECT;
            case FORM -> SEND_FORM;
        };
    }

    /**
     * Sends the answer of a terminal handling.
     *
     * @throws IllegalStateException for the two handlings that continue the flow instead of answering
     */
    void send(Exchange exchange, String responseContent) {
        String content = responseContent == null ? "" : responseContent;
        byte[] body = content.getBytes(StandardCharsets.UTF_8);
        switch (this) {
            case SEND_BAD_REQUEST -> exchange.sendJsonNoStore(400, body);
            case SEND_SERVER_ERROR -> exchange.sendJsonNoStore(500, body);
            case REDIRECT -> exchange.send(302, null, new byte[0], "Location", content, "Cache-Control", "no-store",
                    "Pragma", "no-cache");
            case SEND_FORM -> exchange.send(200, "text/html;charset=UTF-8", body, "Cache-Control", "no-store",
                    "Pragma", "no-cache");
            case SHOW_LOGIN_AND_CONSENT, DECIDE_WITHOUT_INTERACTION -> throw new IllegalStateException(
                    this + " continues the flow; it is not an answer");
        }
    }
}
