package io.grantsmith.api.types;

/**
 * JWS signature algorithms (RFC 7518, RFC 8037, RFC 8812), named as Authlete names them in JSON; the wire value is
 * the {@code alg} header value.
 */
public enum JWSAlg implements WireValued {
    NONE("none"),
    HS256("HS256"),
    HS384("HS384"),
    HS512("HS512"),
    RS256("RS256"),
    RS384("RS384"),
    RS512("RS512"),
    ES256("ES256"),
    ES384("ES384"),
    ES512("ES512"),
    PS256("PS256"),
    PS384("PS384"),
    PS512("PS512"),
    ES256K("ES256K"),
    EdDSA("EdDSA");

    private final String wireValue;

    JWSAlg(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
