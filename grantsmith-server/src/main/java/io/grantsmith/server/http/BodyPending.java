package io.grantsmith.server.http;

/**
 * Ends an endpoint's run because its request body has not fully arrived: the edge resumes the request once it has
 * (see {@link Exchange#body}). Control flow, not an error: one shared instance without a stack trace.
 */
final class BodyPending extends RuntimeException {
    static final BodyPending INSTANCE = new BodyPending();

    private static final long serialVersionUID = 1L;

    private BodyPending() {
        super("the request body has not fully arrived", null, false, false);
    }
}
