package io.grantsmith.core.clientauth;

import io.grantsmith.core.error.ResultCode;
import java.util.Objects;

/**
 * The result codes with which an endpoint other than the token endpoint refuses a client it cannot identify or
 * whose method it does not allow, so that each answer names the request it was ("The revocation request does not
 * identify the client"). The checks after identification (secret, method, lock) share the token endpoint's codes.
 *
 * @param clientIdMissing  the request names no client, neither in the body nor with HTTP Basic
 * @param clientIdRepeated the body has {@code client_id} more than once
 * @param methodNotAllowed the client's method is not one the service allows at this endpoint (one {@code %s}: the
 *                         method)
 */
public record EndpointClientCodes(ResultCode clientIdMissing, ResultCode clientIdRepeated,
        ResultCode methodNotAllowed) {
    public static final EndpointClientCodes REVOCATION = new EndpointClientCodes(
            ResultCode.REVOCATION_CLIENT_ID_MISSING, ResultCode.REVOCATION_CLIENT_ID_REPEATED,
            ResultCode.REVOCATION_AUTH_METHOD_NOT_ALLOWED);
    public static final EndpointClientCodes INTROSPECTION = new EndpointClientCodes(
            ResultCode.INTROSPECTION_CLIENT_ID_MISSING, ResultCode.INTROSPECTION_CLIENT_ID_REPEATED,
            ResultCode.INTROSPECTION_AUTH_METHOD_NOT_ALLOWED);

    public EndpointClientCodes {
        Objects.requireNonNull(clientIdMissing, "clientIdMissing");
        Objects.requireNonNull(clientIdRepeated, "clientIdRepeated");
        Objects.requireNonNull(methodNotAllowed, "methodNotAllowed");
    }
}
