package io.grantsmith.api.dto;

/**
 * Request to {@code /service/configuration} as Authlete's Java SDK POSTs it: the options of the GET's query string.
 */
public final class ServiceConfigurationRequest {
    private boolean pretty;
    private String patch;

    /** Whether the document is indented. */
    public boolean isPretty() {
        return pretty;
    }

    public ServiceConfigurationRequest setPretty(boolean pretty) {
        this.pretty = pretty;
        return this;
    }

    /** An RFC 6902 JSON Patch (a JSON array of operations, as a string) applied to the document before it is returned. */
    public String getPatch() {
        return patch;
    }

    public ServiceConfigurationRequest setPatch(String patch) {
        this.patch = patch;
        return this;
    }
}
