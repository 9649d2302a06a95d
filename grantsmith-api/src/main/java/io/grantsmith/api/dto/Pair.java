package io.grantsmith.api.dto;

/**
 * A key-value pair, as in Authlete's {@code Pair}: service and client attributes.
 */
public final class Pair {
    private String key;
    private String value;

    public String getKey() {
        return key;
    }

    public Pair setKey(String key) {
        this.key = key;
        return this;
    }

    public String getValue() {
        return value;
    }

    public Pair setValue(String value) {
        this.value = value;
        return this;
    }
}
