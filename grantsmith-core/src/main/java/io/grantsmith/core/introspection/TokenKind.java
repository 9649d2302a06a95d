package io.grantsmith.core.introspection;

/** The two kinds of token that RFC 7662 introspection and RFC 7009 revocation take, by their hint names. */
public enum TokenKind {
    ACCESS_TOKEN("access_token"),
    REFRESH_TOKEN("refresh_token");

    private final String hint;

    TokenKind(String hint) {
        this.hint = hint;
    }

    /** The value of {@code token_type_hint} that names this kind (RFC 7009 §2.1, RFC 7662 §2.1). */
    public String hint() {
        return hint;
    }

    /**
     * The kind to look up first for a {@code token_type_hint}: refresh tokens only when the hint says so. An unknown
     * hint is ignored, as RFC 7009 §2.1 and RFC 7662 §2.1 allow: the server searches every kind anyway.
     */
    public static TokenKind firstFor(String hint) {
        return REFRESH_TOKEN.hint.equals(hint) ? REFRESH_TOKEN : ACCESS_TOKEN;
    }

    public TokenKind other() {
        return this == ACCESS_TOKEN ? REFRESH_TOKEN : ACCESS_TOKEN;
    }
}
