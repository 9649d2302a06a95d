package io.grantsmith.api.dto;

/**
 * A scope recognised by a prefix, with its value (Authlete's {@code DynamicScope}): {@code read:123} gives
 * name {@code read}, value {@code read:123}.
 */
public final class DynamicScope {
    private String name;
    private String value;

    public String getName() {
        return name;
    }

    public DynamicScope setName(String name) {
        this.name = name;
        return this;
    }

    public String getValue() {
        return value;
    }

    public DynamicScope setValue(String value) {
        this.value = value;
        return this;
    }
}
