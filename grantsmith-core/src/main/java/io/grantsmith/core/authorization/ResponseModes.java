package io.grantsmith.core.authorization;

import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.request.FormParameters;

/**
 * Decides how the response travels back to the client: the request's {@code response_mode}, else the response
 * type's default ({@code query} for {@code code} and {@code none}, {@code fragment} when a token or an ID token
 * is returned, OAuth 2.0 Multiple Response Type Encoding Practices §5). It is decided first, because every later
 * refusal is sent that way; a refused {@code response_mode} is itself reported by the default mode.
 */
final class ResponseModes {
    /** The mode responses use, and the refusal to send by it, if the requested mode is not acceptable. */
    record Delivery(ResponseMode mode, OAuthError refusal) {
    }

    private ResponseModes() {
    }

    /** @param type the response type, or null when {@code response_type} is not a valid one */
    static Delivery choose(FormParameters parameters, ResponseType type, Client client) {
        ResponseMode fallback = defaultMode(type);
        if (parameters.count("response_mode") > 1) {
            return refused(fallback, ResultCode.RESPONSE_MODE_REPEATED);
        }
        String value = parameters.optional("response_mode");
        if (value == null) {
            return new Delivery(fallback, null);
        }
        ResponseMode mode = ResponseMode.fromWireValue(value);
        if (mode == null) {
            return refused(fallback, ResultCode.RESPONSE_MODE_UNKNOWN, Quoted.of(value));
        }
        if (mode.isJwt()) {
            ResponseMode carrier = mode.withoutJwt();
            return refused(carrier == null ? fallback : carrier, ResultCode.RESPONSE_MODE_JWT_NOT_IMPLEMENTED,
                    mode.wireValue());
        }
        if (mode == ResponseMode.QUERY && fallback == ResponseMode.FRAGMENT) {
            // Tokens must never appear in a query, where logs and Referer headers keep them.
            return refused(fallback, ResultCode.RESPONSE_MODE_QUERY_NOT_ALLOWED, type.wireValue());
        }
        if (!client.metadata().allows(mode)) {
            return refused(fallback, ResultCode.RESPONSE_MODE_NOT_ALLOWED_FOR_CLIENT, client.id(), mode.wireValue());
        }
        return new Delivery(mode, null);
    }

    static ResponseMode defaultMode(ResponseType type) {
        return type != null && (type.containsToken() || type.containsIdToken()) ? ResponseMode.FRAGMENT
                : ResponseMode.QUERY;
    }

    private static Delivery refused(ResponseMode mode, ResultCode code, Object... args) {
        return new Delivery(mode, new OAuthError(OAuthErrorCode.INVALID_REQUEST, code.message(args)));
    }
}
