package io.grantsmith.server.http;

import io.grantsmith.api.dto.UserInfoIssueRequest;
import io.grantsmith.api.dto.UserInfoIssueResponse;
import io.grantsmith.api.dto.UserInfoRequest;
import io.grantsmith.api.dto.UserInfoResponse;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.facade.userinfo.UserInfoApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Userinfo over HTTP: Authlete's {@code /auth/userinfo} and {@code /auth/userinfo/issue} on v3 paths
 * ({@code /api/{serviceId}/…}, Bearer) and v2 paths ({@code /api/…}, Basic), each a processed call answered with
 * HTTP 200 and its {@code action}; and the built-in OpenID Provider's {@code GET|POST /as/{serviceId}/userinfo}
 * (OpenID Connect Core §5.3), which takes the access token from {@code Authorization: Bearer} or, on a form POST,
 * from {@code access_token} (RFC 6750 §2.1, §2.2), and answers with the built-in user's claims the token's scopes
 * ask for, or with an RFC 6750 challenge. Browser applications on any origin may call it (CORS, with the
 * challenge readable): it takes no cookies, so an origin learns nothing it did not bring a token for.
 */
final class UserInfoEndpoints {
    /** A userinfo request carries a token and little else. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    /** Sent with every answer of the built-in endpoint, so that a single-page application can read it. */
    private static final String[] CORS = {HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN.asString(), "*",
            HttpHeader.ACCESS_CONTROL_EXPOSE_HEADERS.asString(), HttpHeader.WWW_AUTHENTICATE.asString()};
    /** The answer to a CORS preflight: the methods and the headers a userinfo request uses. */
    private static final String[] PREFLIGHT = {HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN.asString(), "*",
            HttpHeader.ACCESS_CONTROL_ALLOW_METHODS.asString(), "GET, POST",
            HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS.asString(), "Authorization, Content-Type",
            HttpHeader.ACCESS_CONTROL_MAX_AGE.asString(), "600"};
    /** RFC 6750 §3: the challenge of a request that carries no token names no error. */
    static final String NO_TOKEN_CHALLENGE = "Bearer realm=\"userinfo\"";

    private final UserInfoApi userInfo;
    private final ApiAuthentication authentication;

    UserInfoEndpoints(UserInfoApi userInfo, ApiAuthentication authentication) {
        this.userInfo = userInfo;
        this.authentication = authentication;
    }

    void register(Router router) {
        new ApiRoutes(router, authentication)
                .post("/auth/userinfo", (exchange, serviceId) -> {
                    UserInfoRequest request = ApiBodies.read(exchange, UserInfoRequest.class, Set.of());
                    exchange.sendJson(200, ApiBodies.write(userInfo.userInfo(serviceId, request)));
                })
                .post("/auth/userinfo/issue", (exchange, serviceId) -> {
                    UserInfoIssueRequest request = ApiBodies.read(exchange, UserInfoIssueRequest.class, Set.of());
                    exchange.sendJson(200, ApiBodies.write(userInfo.issue(serviceId, request)));
                });
        router.add(new Route("GET", "/as/{serviceId}/userinfo", "/as/userinfo", this::builtIn));
        router.add(new Route("POST", "/as/{serviceId}/userinfo", "/as/userinfo", this::builtIn));
        router.add(new Route("OPTIONS", "/as/{serviceId}/userinfo", "/as/userinfo",
                exchange -> exchange.send(204, null, new byte[0], PREFLIGHT)));
    }

    /** What an authorization server does with the two APIs (Authlete's UserInfoRequestHandler), in-process. */
    private void builtIn(Exchange exchange) throws IOException {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        String token;
        try {
            token = presentedToken(exchange);
        } catch (MalformedParametersException e) {
            invalidRequest(exchange, "The request body is not valid form-encoded data.");
            return;
        } catch (IllegalArgumentException e) {
            invalidRequest(exchange, e.getMessage()); // one of this class's own messages: no quotes, one line
            return;
        }
        if (token == null) {
            challenge(exchange, 401, NO_TOKEN_CHALLENGE);
            return;
        }
        UserInfoResponse checked = userInfo.userInfo(serviceId, new UserInfoRequest().setToken(token)
                .setHtm(exchange.method()));
        UserInfoHandling handling = UserInfoHandling.of(checked.getAction());
        if (handling != UserInfoHandling.ISSUE) {
            send(exchange, handling, checked.getResponseContent());
            return;
        }
        UserInfoIssueResponse issued = userInfo.issue(serviceId, new UserInfoIssueRequest().setToken(token)
                .setClaims(userInfo.directoryClaims(serviceId, checked)));
        send(exchange, UserInfoHandling.of(issued.getAction()), issued.getResponseContent());
    }

    private static void send(Exchange exchange, UserInfoHandling handling, String content) {
        switch (handling) {
            case SEND_JSON -> exchange.send(200, "application/json;charset=UTF-8",
                    content.getBytes(StandardCharsets.UTF_8), CORS);
            case SEND_JWT -> exchange.send(200, "application/jwt", content.getBytes(StandardCharsets.UTF_8), CORS);
            case CHALLENGE_BAD_REQUEST, CHALLENGE_UNAUTHORIZED, CHALLENGE_FORBIDDEN, CHALLENGE_SERVER_ERROR ->
                    challenge(exchange, handling.status(), content);
            case ISSUE -> throw new IllegalStateException("an /issue answer never asks to issue again");
        }
    }

    private static void invalidRequest(Exchange exchange, String description) {
        challenge(exchange, 400, "Bearer error=\"invalid_request\",error_description=\"" + description + "\"");
    }

    private static void challenge(Exchange exchange, int status, String challenge) {
        String[] headers = Arrays.copyOf(CORS, CORS.length + 2);
        headers[CORS.length] = HttpHeader.WWW_AUTHENTICATE.asString();
        headers[CORS.length + 1] = challenge;
        exchange.send(status, null, new byte[0], headers);
    }

    /**
     * The access token of the request: from {@code Authorization: Bearer}, or from a form body's
     * {@code access_token}; null when there is none (or the header uses another scheme).
     *
     * @throws IllegalArgumentException when the request uses more than one way (RFC 6750 §2)
     */
    private static String presentedToken(Exchange exchange) {
        if (exchange.headerCount(HttpHeader.AUTHORIZATION) > 1) {
            throw new IllegalArgumentException("The request has more than one Authorization header.");
        }
        String header = exchange.header(HttpHeader.AUTHORIZATION);
        String fromHeader = header != null && "bearer".equals(AuthorizationHeader.scheme(header))
                ? AuthorizationHeader.credentials(header) : null;
        String fromBody = null;
        if ("POST".equals(exchange.method())
                && MediaTypes.FORM.equals(MediaTypes.essence(exchange.header(HttpHeader.CONTENT_TYPE)))) {
            FormParameters form = FormParameters.parse(new String(exchange.body(MAX_BODY_BYTES),
                    StandardCharsets.UTF_8));
            if (form.count("access_token") > 1) {
                throw new IllegalArgumentException("The request contains 'access_token' more than once.");
            }
            fromBody = form.first("access_token");
        }
        if (fromHeader != null && fromBody != null) {
            throw new IllegalArgumentException("The request carries an access token in the header and in the body.");
        }
        String token = fromHeader != null ? fromHeader : fromBody;
        return token == null || token.isEmpty() ? null : token;
    }
}
