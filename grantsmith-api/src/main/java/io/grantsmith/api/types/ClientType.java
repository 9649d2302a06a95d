package io.grantsmith.api.types;

/** RFC 6749 §2.1 client types. */
public enum ClientType implements WireValued {
    PUBLIC("public"),
    CONFIDENTIAL("confidential");

    private final String wireValue;

    ClientType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
