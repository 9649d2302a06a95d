package io.grantsmith.api.types;

/** OpenID Connect claim types ({@code claim_types_supported}). */
public enum ClaimType implements WireValued {
    NORMAL("normal"),
    AGGREGATED("aggregated"),
    DISTRIBUTED("distributed");

    private final String wireValue;

    ClaimType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
