package io.grantsmith.core.error;

/** How a refusal reaches the authorization server: which {@code action} it becomes. */
public enum FailureKind {
    /** The client's request was wrong: {@code BAD_REQUEST}. */
    BAD_REQUEST,
    /** The client could not be authenticated: {@code INVALID_CLIENT}. */
    INVALID_CLIENT,
    /** The caller's API request was wrong, or the server failed: {@code INTERNAL_SERVER_ERROR}. */
    INTERNAL_SERVER_ERROR
}
