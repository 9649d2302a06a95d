package io.grantsmith.core.error;

/**
 * Makes a request value safe to quote inside a public message: control characters are replaced and long
 * values are cut, so that an error message can neither be forged into several lines nor grow unbounded.
 */
public final class Quoted {
    static final int MAX_LENGTH = 100;

    private Quoted() {
    }

    public static String of(String value) {
        if (value == null) {
            return "";
        }
        int length = Math.min(value.length(), MAX_LENGTH);
        StringBuilder out = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
