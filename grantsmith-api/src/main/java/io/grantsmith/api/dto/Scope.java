package io.grantsmith.api.dto;

/**
 * A scope that a service supports, as in Authlete's {@code Scope}.
 */
public final class Scope {
    private String name;
    /** Whether the scope is granted when a request names no scope. */
    private boolean defaultEntry;
    private String description;
    private TaggedValue[] descriptions;
    /** Scope attributes, e.g. {@code access_token.duration}. */
    private Pair[] attributes;

    public String getName() {
        return name;
    }

    public Scope setName(String name) {
        this.name = name;
        return this;
    }

    public boolean isDefaultEntry() {
        return defaultEntry;
    }

    public Scope setDefaultEntry(boolean defaultEntry) {
        this.defaultEntry = defaultEntry;
        return this;
    }

    public String getDescription() {
        return description;
    }

    public Scope setDescription(String description) {
        this.description = description;
        return this;
    }

    public TaggedValue[] getDescriptions() {
        return descriptions;
    }

    public Scope setDescriptions(TaggedValue[] descriptions) {
        this.descriptions = descriptions;
        return this;
    }

    public Pair[] getAttributes() {
        return attributes;
    }

    public Scope setAttributes(Pair[] attributes) {
        this.attributes = attributes;
        return this;
    }
}
