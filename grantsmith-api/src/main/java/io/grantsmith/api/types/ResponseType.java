package io.grantsmith.api.types;

/**
 * The {@code response_type} combinations, named as Authlete names them in JSON ({@code "CODE_ID_TOKEN"}). The wire
 * value lists the parts in Authlete's order; a request may list them in any order.
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

    private final String wireValue;

    ResponseType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
