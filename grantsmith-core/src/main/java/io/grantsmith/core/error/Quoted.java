package io.grantsmith.core.error;

/**
 * Makes a request value safe to quote inside a public message: control characters and unpaired surrogates are
 * replaced and long values are cut (between characters, never inside one), so that an error message can neither
 * be forged into several lines, nor grow unbounded, nor stop being well-formed Unicode.
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
        if (length < value.length() && Character.isSurrogatePair(value.charAt(length - 1), value.charAt(length))) {
            length--; // never cut a character outside the BMP in half
        }
        StringBuilder out = new StringBuilder(length + 3);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (i + 1 < length && Character.isSurrogatePair(c, value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
            } else {
                // A lone surrogate is not text: JSON encoders escape it as is and strict parsers reject it.
                out.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
            }
        }
        if (value.length() > MAX_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
