package io.grantsmith.server.http;

import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.core.error.FailureKind;

/**
 * What the built-in introspection and revocation endpoints do with each action of
 * {@code /auth/introspection/standard} and {@code /auth/revocation}, as Authlete's documentation describes it for
 * an authorization server. The switches have no default: a new action does not compile until it is mapped here, and
 * {@code IntrospectionHandlingTest} lists the mapping as documented.
 */
enum IntrospectionHandling {
    /** 200 with {@code responseContent} as JSON (the RFC 7662 body). */
    SEND_JSON(200),
    /** 200 with {@code responseContent} as {@code application/token-introspection+jwt} (RFC 9701). */
    SEND_JWT(200),
    /** 200 with an empty body (RFC 7009 §2.2: the content is ignored by the client). */
    SEND_EMPTY(200),
    /** 400 with the error JSON. */
    SEND_BAD_REQUEST(400),
    /** 401 with a challenge when the client used the Authorization header, else 400 (RFC 6749 §5.2). */
    SEND_INVALID_CLIENT(401),
    /** 500 with the error JSON. */
    SEND_SERVER_ERROR(500);

    private final int status;

    IntrospectionHandling(int status) {
        this.status = status;
    }

    int status() {
        return status;
    }

    static IntrospectionHandling of(StandardIntrospectionResponse.Action action) {
        return switch (action) {
            case OK -> SEND_JSON;
            case JWT -> SEND_JWT;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
        };
    }

    /** A caller refused before its request was processed (authentication at the introspection endpoint). */
    static IntrospectionHandling of(FailureKind refusal) {
        return switch (refusal) {
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case INVALID_CLIENT -> SEND_INVALID_CLIENT;
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
        };
    }

    static IntrospectionHandling of(RevocationResponse.Action action) {
        return switch (action) {
            case OK -> SEND_EMPTY;
            case BAD_REQUEST -> SEND_BAD_REQUEST;
            case INVALID_CLIENT -> SEND_INVALID_CLIENT;
            case INTERNAL_SERVER_ERROR -> SEND_SERVER_ERROR;
        };
    }
}
