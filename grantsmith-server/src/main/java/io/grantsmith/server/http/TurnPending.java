package io.grantsmith.server.http;

/**
 * Ends an endpoint's run because its sender has every slot of the {@link SenderGate} in use: the request waits for
 * its turn without a thread, and the edge runs the endpoint again once it has one (see {@link Exchange#awaitTurn}).
 * Control flow, not an error: one shared instance without a stack trace.
 */
final class TurnPending extends RuntimeException {
    static final TurnPending INSTANCE = new TurnPending();

    private static final long serialVersionUID = 1L;

    private TurnPending() {
        super("the request waits for its sender's turn", null, false, false);
    }
}
