package io.grantsmith.api.dto;

/**
 * An array of strings wrapped in an object, as Authlete's {@code StringArray} serialises it:
 * {@code {"array":[...]}}.
 */
public final class StringArray {
    private String[] array;

    public String[] getArray() {
        return array;
    }

    public StringArray setArray(String[] array) {
        this.array = array;
        return this;
    }
}
