package io.grantsmith.api.dto;

/**
 * Scopes of a grant with the resources they apply to, as in Authlete's {@code GrantScope}.
 */
public final class GrantScope {
    /** Space-separated scope names. */
    private String scope;
    private String[] resource;

    public String getScope() {
        return scope;
    }

    public GrantScope setScope(String scope) {
        this.scope = scope;
        return this;
    }

    public String[] getResource() {
        return resource;
    }

    public GrantScope setResource(String[] resource) {
        this.resource = resource;
        return this;
    }
}
