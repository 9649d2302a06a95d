package io.grantsmith.api.types;

/** OpenID Connect Dynamic Client Registration {@code application_type}. */
public enum ApplicationType implements WireValued {
    WEB("web"),
    NATIVE("native");

    private final String wireValue;

    ApplicationType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
