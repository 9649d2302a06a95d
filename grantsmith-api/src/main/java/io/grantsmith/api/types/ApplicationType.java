package io.grantsmith.api.types;

/** OpenID Connect Dynamic Registration {@code application_type}, named as Authlete names it in JSON. */
public enum ApplicationType implements WireValued {
    WEB("web"),
    NATIVE("native");

    private static final WireValues<ApplicationType> WIRE = new WireValues<>(ApplicationType.class);

    private final String wireValue;

    ApplicationType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The application type spelled {@code value} in client metadata, or null. */
    public static ApplicationType fromWireValue(String value) {
        return WIRE.find(value);
    }
}
