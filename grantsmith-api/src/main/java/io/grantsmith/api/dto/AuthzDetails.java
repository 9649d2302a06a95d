package io.grantsmith.api.dto;

/**
 * RFC 9396 authorization details, in Authlete's OpenAPI shape {@code {"elements":[...]}}.
 */
public final class AuthzDetails {
    private AuthzDetailsElement[] elements;

    public AuthzDetailsElement[] getElements() {
        return elements;
    }

    public AuthzDetails setElements(AuthzDetailsElement[] elements) {
        this.elements = elements;
        return this;
    }
}
