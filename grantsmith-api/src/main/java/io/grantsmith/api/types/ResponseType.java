package io.grantsmith.api.types;

import java.util.HashSet;
import java.util.Set;

/**
 * The {@code response_type} values of OAuth 2.0 and OpenID Connect (OAuth 2.0 Multiple Response Type Encoding
 * Practices), named as Authlete names them in JSON ({@code "CODE_ID_TOKEN"}). The wire spelling lists the parts
 * in Authlete's order; a request may list them in any order (RFC 6749 §3.1.1), which {@link #parse} accepts.
 */
public enum ResponseType implements WireValued {
    NONE("none"),
    CODE("code"),
    TOKEN("token"),
    ID_TOKEN("id_token"),
    CODE_TOKEN("code token"),
    CODE_ID_TOKEN("code id_token"),
    ID_TOKEN_TOKEN("id_token token"),
    CODE_ID_TOKEN_TOKEN("code id_token token");

    private static final WireValues<ResponseType> WIRE = new WireValues<>(ResponseType.class);

    private final String wireValue;
    private final Set<String> parts;

    ResponseType(String wireValue) {
        this.wireValue = wireValue;
        this.parts = Set.of(wireValue.split(" "));
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** Whether an authorization code is returned. */
    public boolean containsCode() {
        return parts.contains("code");
    }

    /** Whether an access token is returned from the authorization endpoint. */
    public boolean containsToken() {
        return parts.contains("token");
    }

    /** Whether an ID token is returned from the authorization endpoint. */
    public boolean containsIdToken() {
        return parts.contains("id_token");
    }

    /**
     * The response type whose {@code response_type} value is {@code value}, with its space-separated parts in any
     * order; null when the value is not one (an unknown part, a part twice, {@code none} combined, extra spaces).
     */
    public static ResponseType parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        ResponseType exact = WIRE.find(value);
        if (exact != null) {
            return exact;
        }
        String[] given = value.split(" ", -1);
        Set<String> unique = new HashSet<>();
        for (String part : given) {
            if (!unique.add(part)) {
                return null;
            }
        }
        for (ResponseType type : values()) {
            if (type.parts.equals(unique)) {
                return type;
            }
        }
        return null;
    }
}
