package io.grantsmith.api.dto;

/**
 * What the authorization server attached to a ticket (Authlete's {@code AuthorizationTicketInfo}).
 */
public final class AuthorizationTicketInfo {
    private String context;

    public String getContext() {
        return context;
    }

    public AuthorizationTicketInfo setContext(String context) {
        this.context = context;
        return this;
    }
}
