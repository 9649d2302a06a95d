package io.grantsmith.api.dto;

/**
 * Per-request options for OAuth Client ID Metadata Documents (accepted, not yet used).
 */
public final class CimdOptions {
    private boolean alwaysRetrieved;
    private boolean httpPermitted;
    private boolean queryPermitted;

    public boolean isAlwaysRetrieved() {
        return alwaysRetrieved;
    }

    public CimdOptions setAlwaysRetrieved(boolean alwaysRetrieved) {
        this.alwaysRetrieved = alwaysRetrieved;
        return this;
    }

    public boolean isHttpPermitted() {
        return httpPermitted;
    }

    public CimdOptions setHttpPermitted(boolean httpPermitted) {
        this.httpPermitted = httpPermitted;
        return this;
    }

    public boolean isQueryPermitted() {
        return queryPermitted;
    }

    public CimdOptions setQueryPermitted(boolean queryPermitted) {
        this.queryPermitted = queryPermitted;
        return this;
    }
}
