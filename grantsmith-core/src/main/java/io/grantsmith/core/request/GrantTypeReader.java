package io.grantsmith.core.request;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;

/** The one place that reads {@code grant_type}; which handler answers it is {@code GrantHandlers}' business. */
public final class GrantTypeReader {
    private GrantTypeReader() {
    }

    /** The request's {@code grant_type}: present once and not empty. */
    public static String read(FormParameters parameters) {
        int count = parameters.count("grant_type");
        if (count == 0) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.GRANT_TYPE_MISSING);
        }
        if (count > 1) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.GRANT_TYPE_REPEATED);
        }
        String value = parameters.first("grant_type");
        if (value.isEmpty()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.GRANT_TYPE_EMPTY);
        }
        return value;
    }
}
