package io.grantsmith.api.types;

/** Values of the OpenID Connect {@code prompt} parameter, named as Authlete names them in JSON. */
public enum Prompt implements WireValued {
    NONE("none"),
    LOGIN("login"),
    CONSENT("consent"),
    SELECT_ACCOUNT("select_account"),
    CREATE("create");

    private final String wireValue;

    Prompt(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
