package io.grantsmith.api.dto;

/**
 * A URI with a name, as in Authlete's {@code NamedUri}: one entry of a service's {@code mtlsEndpointAliases}.
 */
public final class NamedUri {
    private String name;
    private String uri;

    public String getName() {
        return name;
    }

    public NamedUri setName(String name) {
        this.name = name;
        return this;
    }

    public String getUri() {
        return uri;
    }

    public NamedUri setUri(String uri) {
        this.uri = uri;
        return this;
    }
}
