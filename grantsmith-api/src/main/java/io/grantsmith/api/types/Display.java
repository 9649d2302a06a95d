package io.grantsmith.api.types;

/** Values of the OpenID Connect {@code display} parameter, named as Authlete names them in JSON. */
public enum Display implements WireValued {
    PAGE("page"),
    POPUP("popup"),
    TOUCH("touch"),
    WAP("wap");

    private final String wireValue;

    Display(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
