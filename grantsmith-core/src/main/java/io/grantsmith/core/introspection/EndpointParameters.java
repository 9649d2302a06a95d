package io.grantsmith.core.introspection;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;

/**
 * The {@code parameters} an authorization server passes on from its introspection or revocation endpoint: absent is
 * the caller's mistake (500), malformed or empty the client's (400), each with the endpoint's own result codes.
 */
public record EndpointParameters(ResultCode missing, ResultCode malformed, ResultCode empty) {
    public static final EndpointParameters INTROSPECTION = new EndpointParameters(
            ResultCode.STANDARD_INTROSPECTION_PARAMETERS_MISSING, ResultCode.STANDARD_INTROSPECTION_PARAMETERS_MALFORMED,
            ResultCode.STANDARD_INTROSPECTION_PARAMETERS_EMPTY);
    public static final EndpointParameters REVOCATION = new EndpointParameters(ResultCode.REVOCATION_PARAMETERS_MISSING,
            ResultCode.REVOCATION_PARAMETERS_MALFORMED, ResultCode.REVOCATION_PARAMETERS_EMPTY);

    /** @throws OAuthException when the parameters are absent, malformed or empty */
    public FormParameters parse(String encoded) {
        if (encoded == null) {
            throw OAuthException.serverError(missing);
        }
        FormParameters parameters;
        try {
            parameters = FormParameters.parse(encoded);
        } catch (MalformedParametersException e) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, malformed, Quoted.of(e.getMessage()));
        }
        if (parameters.isEmpty()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, empty);
        }
        return parameters;
    }
}
