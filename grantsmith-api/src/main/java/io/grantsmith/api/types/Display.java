package io.grantsmith.api.types;

/** The {@code display} values of OpenID Connect Core §3.1.2.1, named as Authlete names them in JSON. */
public enum Display implements WireValued {
    PAGE("page"),
    POPUP("popup"),
    TOUCH("touch"),
    WAP("wap");

    private static final WireValues<Display> WIRE = new WireValues<>(Display.class);

    private final String wireValue;

    Display(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    /** The display spelled {@code value} in a request, or null. */
    public static Display fromWireValue(String value) {
        return WIRE.find(value);
    }
}
