package io.grantsmith.core.error;

import java.util.Objects;

/**
 * Thrown inside the engine to stop processing a request with a refusal; the engine turns it into a result
 * value at its boundary, so it never escapes {@code TokenEngine}. It carries no stack trace: it is an
 * expected outcome, not a bug, and building traces for every refused request would cost time under load.
 */
public final class OAuthException extends RuntimeException {
    private final FailureKind kind;
    private final OAuthError error;

    public OAuthException(FailureKind kind, OAuthError error) {
        super(error.result().formatted(), null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.error = error;
    }

    public FailureKind kind() {
        return kind;
    }

    public OAuthError error() {
        return error;
    }

    /** A refusal of the client's request ({@code BAD_REQUEST}). */
    public static OAuthException badRequest(OAuthErrorCode error, ResultCode code, Object... args) {
        return new OAuthException(FailureKind.BAD_REQUEST, new OAuthError(error, code.message(args)));
    }

    /** A failed client authentication ({@code INVALID_CLIENT}, error {@code invalid_client}). */
    public static OAuthException invalidClient(ResultCode code, Object... args) {
        return new OAuthException(FailureKind.INVALID_CLIENT,
                new OAuthError(OAuthErrorCode.INVALID_CLIENT, code.message(args)));
    }

    /** A caller or server problem ({@code INTERNAL_SERVER_ERROR}, error {@code server_error}). */
    public static OAuthException serverError(ResultCode code, Object... args) {
        return new OAuthException(FailureKind.INTERNAL_SERVER_ERROR,
                new OAuthError(OAuthErrorCode.SERVER_ERROR, code.message(args)));
    }
}
