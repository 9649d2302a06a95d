package io.grantsmith.api.types;

/** Client authentication methods at the token endpoint, named as Authlete names them in JSON. */
public enum ClientAuthMethod implements WireValued {
    NONE("none"),
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    CLIENT_SECRET_JWT("client_secret_jwt"),
    PRIVATE_KEY_JWT("private_key_jwt"),
    TLS_CLIENT_AUTH("tls_client_auth"),
    SELF_SIGNED_TLS_CLIENT_AUTH("self_signed_tls_client_auth"),
    ATTEST_JWT_CLIENT_AUTH("attest_jwt_client_auth"),
    SPIFFE_JWT("spiffe_jwt");

    private static final WireValues<ClientAuthMethod> WIRE = new WireValues<>(ClientAuthMethod.class);

    private final String wireValue;

    ClientAuthMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The method whose metadata spelling is {@code value}, or null. */
    public static ClientAuthMethod fromWireValue(String value) {
        return WIRE.find(value);
    }
}
