package io.grantsmith.api.types;

/** OpenID Connect subject identifier types ({@code subject_type}). */
public enum SubjectType implements WireValued {
    PUBLIC("public"),
    PAIRWISE("pairwise");

    private final String wireValue;

    SubjectType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
