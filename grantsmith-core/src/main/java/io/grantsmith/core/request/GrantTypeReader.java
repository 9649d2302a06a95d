package io.grantsmith.core.request;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Service;

/** The one place that reads {@code grant_type} as a string. */
public final class GrantTypeReader {
    private GrantTypeReader() {
    }

    /** The grant type of the request, if the request names one the service supports. */
    public static GrantType read(FormParameters parameters, Service service) {
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
        GrantType grantType = GrantType.fromWireValue(value);
        if (grantType == null) {
            throw OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_UNKNOWN,
                    Quoted.of(value));
        }
        if (grantType == GrantType.IMPLICIT) {
            throw OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE, ResultCode.GRANT_TYPE_IMPLICIT);
        }
        if (!service.supports(grantType)) {
            throw OAuthException.badRequest(OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                    ResultCode.GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE, grantType.wireValue());
        }
        return grantType;
    }
}
