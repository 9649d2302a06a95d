package io.grantsmith.api.types;

/** RFC 8693 token type identifiers, named as Authlete names them in JSON. */
public enum TokenType implements WireValued {
    JWT("urn:ietf:params:oauth:token-type:jwt"),
    ACCESS_TOKEN("urn:ietf:params:oauth:token-type:access_token"),
    REFRESH_TOKEN("urn:ietf:params:oauth:token-type:refresh_token"),
    ID_TOKEN("urn:ietf:params:oauth:token-type:id_token"),
    SAML1("urn:ietf:params:oauth:token-type:saml1"),
    SAML2("urn:ietf:params:oauth:token-type:saml2"),
    DEVICE_SECRET("urn:openid:params:token-type:device-secret");

    private final String wireValue;

    TokenType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
