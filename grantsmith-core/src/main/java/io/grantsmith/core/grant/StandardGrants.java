package io.grantsmith.core.grant;

import java.util.List;

/** The grants the engine has built in; {@link io.grantsmith.core.TokenEngineBuilder} registers them by default. */
public final class StandardGrants {
    /** client_credentials (RFC 6749 §4.4), password (§4.3, finished through a ticket) and refresh_token (§6). */
    public static final List<GrantHandler.Factory> FACTORIES = List.of(
            ClientCredentialsGrantHandler::new,
            PasswordGrantHandler::new,
            RefreshTokenGrantHandler::new);

    private StandardGrants() {
    }
}
