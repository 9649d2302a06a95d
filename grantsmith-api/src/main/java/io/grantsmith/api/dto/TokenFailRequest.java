package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/token/fail}: finishes a password grant whose user credentials were wrong.
 */
public final class TokenFailRequest {
    private String ticket;
    private Reason reason;

    public String getTicket() {
        return ticket;
    }

    public TokenFailRequest setTicket(String ticket) {
        this.ticket = ticket;
        return this;
    }

    public Reason getReason() {
        return reason;
    }

    public TokenFailRequest setReason(Reason reason) {
        this.reason = reason;
        return this;
    }

    /** Why the authorization server refuses to issue tokens. */
    public enum Reason {
        UNKNOWN,
        INVALID_RESOURCE_OWNER_CREDENTIALS,
        INVALID_TARGET,
        INVALID_CLIENT,
        UNAUTHORIZED_CLIENT,
        INVALID_SCOPE
    }
}
