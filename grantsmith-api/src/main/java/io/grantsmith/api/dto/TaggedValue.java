package io.grantsmith.api.dto;

/**
 * A value with an optional language tag (RFC 5646), as in Authlete's {@code TaggedValue}.
 */
public final class TaggedValue {
    private String tag;
    private String value;

    public String getTag() {
        return tag;
    }

    public TaggedValue setTag(String tag) {
        this.tag = tag;
        return this;
    }

    public String getValue() {
        return value;
    }

    public TaggedValue setValue(String value) {
        this.value = value;
        return this;
    }
}
