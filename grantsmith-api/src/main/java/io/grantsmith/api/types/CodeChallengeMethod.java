package io.grantsmith.api.types;

/** RFC 7636 {@code code_challenge_method} values, named as Authlete names them in JSON. */
public enum CodeChallengeMethod implements WireValued {
    PLAIN("plain"),
    S256("S256");

    private static final WireValues<CodeChallengeMethod> WIRE = new WireValues<>(CodeChallengeMethod.class);

    private final String wireValue;

    CodeChallengeMethod(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The method spelled {@code value} in a request (case-sensitive, as RFC 7636 §4.3 defines it), or null. */
    public static CodeChallengeMethod fromWireValue(String value) {
        return WIRE.find(value);
    }
}
