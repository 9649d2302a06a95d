package io.grantsmith.facade.manage;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates identifiers and secrets. IDs are random (not guessable in sequence) and stay below 2^53 so that
 * JavaScript clients read them exactly; secrets carry 256 random bits.
 */
public final class Ids {
    private static final long SERVICE_ID_MIN = 100_000_000_000L;      // 12 digits
    private static final long SERVICE_ID_SPAN = 900_000_000_000L;
    private static final long CLIENT_ID_MIN = 10_000_000_000_000L;    // 14–15 digits
    private static final long CLIENT_ID_SPAN = 990_000_000_000_000L;

    private final SecureRandom random;

    public Ids(SecureRandom random) {
        this.random = random;
    }

    public long newServiceId() {
        return SERVICE_ID_MIN + Math.floorMod(random.nextLong(), SERVICE_ID_SPAN);
    }

    public long newClientId() {
        return CLIENT_ID_MIN + Math.floorMod(random.nextLong(), CLIENT_ID_SPAN);
    }

    /** 256 random bits, base64url without padding. */
    public String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
