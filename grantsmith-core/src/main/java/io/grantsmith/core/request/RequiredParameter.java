package io.grantsmith.core.request;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;

/** Reads a required single-valued parameter, with the grant's result codes for "missing" and "empty". */
public final class RequiredParameter {
    private RequiredParameter() {
    }

    public static String read(FormParameters parameters, String name, ResultCode missing, ResultCode empty) {
        String value = parameters.first(name);
        if (value == null) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, missing);
        }
        if (value.isEmpty()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, empty);
        }
        return value;
    }
}
