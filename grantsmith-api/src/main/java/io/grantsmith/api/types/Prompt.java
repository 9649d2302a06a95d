package io.grantsmith.api.types;

/**
 * The {@code prompt} values of OpenID Connect Core §3.1.2.1 and of "Initiating User Registration via OpenID
 * Connect" ({@code create}), named as Authlete names them in JSON ({@code "SELECT_ACCOUNT"}).
 */
public enum Prompt implements WireValued {
    NONE("none"),
    LOGIN("login"),
    CONSENT("consent"),
    SELECT_ACCOUNT("select_account"),
    CREATE("create");

    private static final WireValues<Prompt> WIRE = new WireValues<>(Prompt.class);

    private final String wireValue;

    Prompt(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The prompt spelled {@code value} in a request, or null. */
    public static Prompt fromWireValue(String value) {
        return WIRE.find(value);
    }
}
