package io.grantsmith.core.error;

/**
 * What the third digit from the right of an Authlete result code says: who caused the outcome.
 * {@code A052301}: the digit 3 means the OAuth client sent something wrong.
 */
public enum ResultCategory {
    SUCCESS('0'),
    SERVER_ERROR('1'),
    CALLER_ERROR('2'),
    CLIENT_ERROR('3');

    private final char digit;

    ResultCategory(char digit) {
        this.digit = digit;
    }

    public char digit() {
        return digit;
    }

    static ResultCategory ofCode(String code) {
        char digit = code.charAt(code.length() - 3);
        for (ResultCategory category : values()) {
            if (category.digit == digit) {
                return category;
            }
        }
        throw new IllegalArgumentException("result code " + code + " has no known category");
    }
}
