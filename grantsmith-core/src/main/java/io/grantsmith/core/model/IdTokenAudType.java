package io.grantsmith.core.model;

/**
 * The shape of the {@code aud} claim of ID tokens (Authlete's {@code idTokenAudType}): a JSON array holding the
 * client ID, as Authlete has always written it, or the bare client ID string.
 */
public enum IdTokenAudType {
    ARRAY("array"),
    STRING("string");

    private final String wireValue;

    IdTokenAudType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The spelling in Authlete's service documents and {@code /auth/authorization/issue} requests. */
    public String wireValue() {
        return wireValue;
    }

    /** The type spelled {@code value}, or null. */
    public static IdTokenAudType fromWireValue(String value) {
        for (IdTokenAudType type : values()) {
            if (type.wireValue.equals(value)) {
                return type;
            }
        }
        return null;
    }
}
