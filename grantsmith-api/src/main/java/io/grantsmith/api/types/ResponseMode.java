package io.grantsmith.api.types;

/** Values of the {@code response_mode} parameter (OAuth 2.0 Multiple Response Types, Form Post, JARM). */
public enum ResponseMode implements WireValued {
    QUERY("query"),
    FRAGMENT("fragment"),
    FORM_POST("form_post"),
    JWT("jwt"),
    QUERY_JWT("query.jwt"),
    FRAGMENT_JWT("fragment.jwt"),
    FORM_POST_JWT("form_post.jwt");

    private final String wireValue;

    ResponseMode(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
