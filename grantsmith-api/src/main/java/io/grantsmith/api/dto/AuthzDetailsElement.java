package io.grantsmith.api.dto;

/**
 * One element of RFC 9396 {@code authorization_details}, in Authlete's OpenAPI shape.
 */
public final class AuthzDetailsElement {
    private String type;
    private String[] locations;
    private String[] actions;
    private String[] dataTypes;
    private String identifier;
    private String[] privileges;
    /** Non-standard members, as a JSON object serialised to a string. */
    private String otherFields;

    public String getType() {
        return type;
    }

    public AuthzDetailsElement setType(String type) {
        this.type = type;
        return this;
    }

    public String[] getLocations() {
        return locations;
    }

    public AuthzDetailsElement setLocations(String[] locations) {
        this.locations = locations;
        return this;
    }

    public String[] getActions() {
        return actions;
    }

    public AuthzDetailsElement setActions(String[] actions) {
        this.actions = actions;
        return this;
    }

    public String[] getDataTypes() {
        return dataTypes;
    }

    public AuthzDetailsElement setDataTypes(String[] dataTypes) {
        this.dataTypes = dataTypes;
        return this;
    }

    public String getIdentifier() {
        return identifier;
    }

    public AuthzDetailsElement setIdentifier(String identifier) {
        this.identifier = identifier;
        return this;
    }

    public String[] getPrivileges() {
        return privileges;
    }

    public AuthzDetailsElement setPrivileges(String[] privileges) {
        this.privileges = privileges;
        return this;
    }

    public String getOtherFields() {
        return otherFields;
    }

    public AuthzDetailsElement setOtherFields(String otherFields) {
        this.otherFields = otherFields;
        return this;
    }
}
