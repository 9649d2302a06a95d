package io.grantsmith.api.types;

/** Values of the Grant Management {@code grant_management_action} parameter. */
public enum GMAction implements WireValued {
    CREATE("create"),
    QUERY("query"),
    REPLACE("replace"),
    REVOKE("revoke"),
    MERGE("merge");

    private final String wireValue;

    GMAction(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
