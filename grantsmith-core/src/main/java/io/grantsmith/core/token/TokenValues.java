package io.grantsmith.core.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/** Mints token values: 256 random bits from a {@link SecureRandom}, base64url without padding (43 chars). */
public final class TokenValues {
    private static final int RANDOM_BYTES = 32;
    /** Longest caller-chosen token value accepted; far above any real token, small enough to index. */
    public static final int MAX_CALLER_CHOSEN_LENGTH = 512;

    private final SecureRandom random;

    public TokenValues(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String newValue() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Whether a caller-chosen value can be a bearer token: RFC 6750 {@code b64token} syntax
     * ({@code ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/"} followed by optional {@code =}).
     */
    public static boolean isValidCallerChosen(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_CALLER_CHOSEN_LENGTH) {
            return false;
        }
        int i = 0;
        int length = value.length();
        while (i < length && isB64TokenChar(value.charAt(i))) {
            i++;
        }
        if (i == 0) {
            return false;
        }
        while (i < length && value.charAt(i) == '=') {
            i++;
        }
        return i == length;
    }

    private static boolean isB64TokenChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
