package io.grantsmith.core.token;

import io.grantsmith.core.model.FamilyId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Mints values. Access and refresh tokens, authorization codes and tickets get a row key and 256 random bits
 * ({@link TokenFormat}), so that stores append them to their key index; other secrets are 256 random bits,
 * base64url without padding (43 characters).
 */
public final class TokenValues {
    /** Longest caller-chosen token value accepted; far above any real token, small enough to index. */
    public static final int MAX_CALLER_CHOSEN_LENGTH = 512;

    private final SecureRandom random;
    private final TokenIds keys;

    public TokenValues(SecureRandom random, TokenIds keys) {
        this.random = Objects.requireNonNull(random, "random");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** 256 random bits: secrets that carry no row key. */
    public String newValue() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomSecret());
    }

    /** A new access or refresh token, authorization code or ticket: a fresh row key and 256 random bits. */
    public TokenValue newToken() {
        return withSecret(randomSecret());
    }

    /** A new grant's family, made at {@code now}: ordered by time, with 74 bits from this source (see FamilyId). */
    public FamilyId newFamily(Instant now) {
        return FamilyId.timeOrdered(now.toEpochMilli(), random);
    }

    /** A new token whose secret part is given (a rotated refresh token's derived successor). */
    public TokenValue withSecret(byte[] secret) {
        return keyed(keys.next(), secret);
    }

    /** The token with row key {@code key} and secret part {@code secret} (an earlier successor, rebuilt). */
    public static TokenValue keyed(long key, byte[] secret) {
        String value = TokenFormat.encode(key, secret);
        return new TokenValue(key, value, TokenHasher.hash(value), false);
    }

    /** A caller-chosen access token (validate it with {@link #isValidCallerChosen} first), under a fresh row key. */
    public TokenValue callerChosen(String value) {
        return new TokenValue(keys.next(), value, TokenHasher.hash(value), true);
    }

    private byte[] randomSecret() {
        byte[] secret = new byte[TokenFormat.SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
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
