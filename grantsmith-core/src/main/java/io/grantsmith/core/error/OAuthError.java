package io.grantsmith.core.error;

import java.util.Objects;

/** One refusal: the OAuth {@code error} value and the result code and message that explain it. */
public record OAuthError(OAuthErrorCode error, ResultMessage result) {
    public OAuthError {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(result, "result");
    }
}
