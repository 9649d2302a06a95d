package io.grantsmith.api.dto;

/**
 * An extra property attached to a token, as in Authlete's {@code Property}.
 *
 * <p>A hidden property is never shown to the client application (it is left out of the token
 * response), but it is returned to the authorization server in API responses.</p>
 */
public final class Property {
    private String key;
    private String value;
    private boolean hidden;

    public String getKey() {
        return key;
    }

    public Property setKey(String key) {
        this.key = key;
        return this;
    }

    public String getValue() {
        return value;
    }

    public Property setValue(String value) {
        this.value = value;
        return this;
    }

    public boolean isHidden() {
        return hidden;
    }

    public Property setHidden(boolean hidden) {
        this.hidden = hidden;
        return this;
    }
}
