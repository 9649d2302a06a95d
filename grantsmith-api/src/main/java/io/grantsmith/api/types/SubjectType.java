package io.grantsmith.api.types;

/** OpenID Connect subject identifier types (Core §8), named as Authlete names them in JSON. */
public enum SubjectType implements WireValued {
    PUBLIC("public"),
    PAIRWISE("pairwise");

    private static final WireValues<SubjectType> WIRE = new WireValues<>(SubjectType.class);

    private final String wireValue;

    SubjectType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The subject type spelled {@code value} in client metadata, or null. */
    public static SubjectType fromWireValue(String value) {
        return WIRE.find(value);
    }
}
