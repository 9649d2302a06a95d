package io.grantsmith.api.types;

/** OAuth grant types, named as Authlete names them in JSON ({@code "CLIENT_CREDENTIALS"}). */
public enum GrantType implements WireValued {
    AUTHORIZATION_CODE("authorization_code"),
    IMPLICIT("implicit"),
    PASSWORD("password"),
    CLIENT_CREDENTIALS("client_credentials"),
    REFRESH_TOKEN("refresh_token"),
    CIBA("urn:openid:params:grant-type:ciba"),
    DEVICE_CODE("urn:ietf:params:oauth:grant-type:device_code"),
    TOKEN_EXCHANGE("urn:ietf:params:oauth:grant-type:token-exchange"),
    JWT_BEARER("urn:ietf:params:oauth:grant-type:jwt-bearer"),
    PRE_AUTHORIZED_CODE("urn:ietf:params:oauth:grant-type:pre-authorized_code");

    private static final WireValues<GrantType> WIRE = new WireValues<>(GrantType.class);

    private final String wireValue;

    GrantType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The grant type whose {@code grant_type} value is {@code value}, or null. */
    public static GrantType fromWireValue(String value) {
        return WIRE.find(value);
    }
}
