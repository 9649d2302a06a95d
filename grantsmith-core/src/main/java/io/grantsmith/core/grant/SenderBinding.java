package io.grantsmith.core.grant;

import io.grantsmith.core.model.AccessTokenRecord;

/**
 * Binds a new access token to its sender before it is saved: where DPoP (RFC 9449, {@code cnf.jkt}) and mTLS
 * (RFC 8705, {@code cnf.x5t#S256}) will set the confirmation, as node-oidc-provider's grants call
 * {@code token.setThumbprint} in one shared step. No binding yet: {@link #NONE}.
 */
@FunctionalInterface
public interface SenderBinding {
    SenderBinding NONE = (token, tokens) -> token;

    /** {@code token} with its confirmation set, as {@code tokens} (the request's) ask for it. */
    AccessTokenRecord bind(AccessTokenRecord token, NewTokens tokens);
}
