package io.grantsmith.api.types;

/**
 * JWE content encryption algorithms (RFC 7518), named as Authlete names them in JSON; the wire value is the
 * {@code enc} header value.
 */
public enum JWEEnc implements WireValued {
    A128CBC_HS256("A128CBC-HS256"),
    A192CBC_HS384("A192CBC-HS384"),
    A256CBC_HS512("A256CBC-HS512"),
    A128GCM("A128GCM"),
    A192GCM("A192GCM"),
    A256GCM("A256GCM");

    private final String wireValue;

    JWEEnc(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
