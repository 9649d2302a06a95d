package io.grantsmith.api.types;

/**
 * The {@code response_mode} values: OAuth 2.0 Multiple Response Type Encoding Practices ({@code query},
 * {@code fragment}), Form Post Response Mode ({@code form_post}) and JARM ({@code *.jwt}), named as Authlete
 * names them in JSON ({@code "FORM_POST_JWT"}).
 */
public enum ResponseMode implements WireValued {
    QUERY("query"),
    FRAGMENT("fragment"),
    FORM_POST("form_post"),
    JWT("jwt"),
    QUERY_JWT("query.jwt"),
    FRAGMENT_JWT("fragment.jwt"),
    FORM_POST_JWT("form_post.jwt");

    private static final WireValues<ResponseMode> WIRE = new WireValues<>(ResponseMode.class);

    private final String wireValue;

    ResponseMode(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** Whether the response parameters are packed into a signed JWT (JARM). */
    public boolean isJwt() {
        return this == JWT || this == QUERY_JWT || this == FRAGMENT_JWT || this == FORM_POST_JWT;
    }

    /**
     * How the parameters travel once the JWT is left aside: {@code query.jwt} becomes {@code query}, and so on;
     * {@code jwt} (whose carrier depends on the response type) becomes null.
     */
    public ResponseMode withoutJwt() {
        return switch (this) {
            case QUERY, QUERY_JWT -> QUERY;
            case FRAGMENT, FRAGMENT_JWT -> FRAGMENT;
            case FORM_POST, FORM_POST_JWT -> FORM_POST;
            case JWT -> null;
        };
    }

    /** The mode spelled {@code value} in a request, or null. */
    public static ResponseMode fromWireValue(String value) {
        return WIRE.find(value);
    }
}
