package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/authorization/fail}: the request identified by {@code ticket} ends with an error
 * that goes back to the client.
 */
public final class AuthorizationFailRequest {
    private String ticket;
    private Reason reason;
    /** Replaces the default {@code error_description}. */
    private String description;

    public String getTicket() {
        return ticket;
    }

    public AuthorizationFailRequest setTicket(String ticket) {
        this.ticket = ticket;
        return this;
    }

    public Reason getReason() {
        return reason;
    }

    public AuthorizationFailRequest setReason(Reason reason) {
        this.reason = reason;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public AuthorizationFailRequest setDescription(String description) {
        this.description = description;
        return this;
    }

    /**
     * Why the authorization request fails. The last three were added in Authlete's Java library 4.46; older
     * SDKs cannot send them.
     */
    public enum Reason {
        UNKNOWN,
        NOT_LOGGED_IN,
        MAX_AGE_NOT_SUPPORTED,
        EXCEEDS_MAX_AGE,
        DIFFERENT_SUBJECT,
        ACR_NOT_SATISFIED,
        DENIED,
        SERVER_ERROR,
        NOT_AUTHENTICATED,
        ACCOUNT_SELECTION_REQUIRED,
        CONSENT_REQUIRED,
        INTERACTION_REQUIRED,
        INVALID_TARGET,
        INVALID_SCOPE,
        UNAUTHORIZED_CLIENT,
        TEMPORARILY_UNAVAILABLE
    }
}
