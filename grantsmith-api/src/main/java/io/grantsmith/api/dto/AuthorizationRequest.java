package io.grantsmith.api.dto;

/**
 * Request to {@code /auth/authorization}: the authorization request that reached the authorization server's
 * authorization endpoint, forwarded as is. Field names are Authlete's.
 */
public final class AuthorizationRequest {
    /**
     * The query string (GET) or form body (POST) that the authorization endpoint received, unmodified, so that
     * repeated parameters can be detected.
     */
    private String parameters;
    /** Free text attached to the ticket; returned as {@code ticketInfo} by {@code /auth/authorization/issue}. */
    private String context;
    private CimdOptions cimdOptions;

    public String getParameters() {
        return parameters;
    }

    public AuthorizationRequest setParameters(String parameters) {
        this.parameters = parameters;
        return this;
    }

    public String getContext() {
        return context;
    }

    public AuthorizationRequest setContext(String context) {
        this.context = context;
        return this;
    }

    public CimdOptions getCimdOptions() {
        return cimdOptions;
    }

    public AuthorizationRequest setCimdOptions(CimdOptions cimdOptions) {
        this.cimdOptions = cimdOptions;
        return this;
    }
}
