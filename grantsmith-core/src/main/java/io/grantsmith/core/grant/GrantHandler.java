package io.grantsmith.core.grant;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.result.TokenResult;

/** Handles the token requests of one grant type, after the client has been authenticated. */
public interface GrantHandler {
    GrantType grantType();

    /** Which parameters may repeat, checked before the client is authenticated. */
    ParameterRules parameterRules();

    /** The result code that reports a store failure while handling this grant. */
    ResultCode storeFailure();

    /**
     * Handles the request. Refusals are thrown as {@link io.grantsmith.core.error.OAuthException}; store
     * failures as {@link io.grantsmith.core.spi.StoreException}.
     */
    TokenResult handle(GrantContext context);
}
