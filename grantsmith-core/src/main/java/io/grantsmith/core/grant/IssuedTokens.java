package io.grantsmith.core.grant;

import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.result.IssuedToken;
import java.util.Objects;

/**
 * The tokens {@link TokenIssuance#issue} saved.
 *
 * @param refreshToken the refresh token, or null when none was asked for
 * @param family       the family the refresh token starts, or null without one
 */
public record IssuedTokens(IssuedToken accessToken, IssuedToken refreshToken, FamilyId family) {
    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
