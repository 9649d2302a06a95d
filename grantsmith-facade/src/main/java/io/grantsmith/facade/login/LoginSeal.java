package io.grantsmith.facade.login;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what the login page hands to the browser (its hidden state field and the session cookie) with AES-256-GCM,
 * {@code base64url(nonce (12) | ciphertext | tag (16))}, and signs CSRF tokens with HMAC-SHA256. The associated data
 * names the purpose, so a sealed session never opens as page state and the reverse. Nonces are random: a 96-bit
 * random nonce is safe for far more seals than one master key sees between rotations (NIST SP 800-38D §8.3 bounds
 * it at 2^32; a server sealing 100 values per second takes more than a year to get there).
 */
public final class LoginSeal {
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    /** Larger sealed values are refused unopened: real ones are a few hundred bytes. */
    static final int MAX_SEALED_CHARS = 8192;

    private final SecretKey sealingKey;
    private final SecretKeySpec macKey;
    private final SecureRandom random;

    public LoginSeal(byte[] sealingKey, byte[] csrfKey, SecureRandom random) {
        this.sealingKey = new SecretKeySpec(sealingKey, "AES");
        this.macKey = new SecretKeySpec(csrfKey, "HmacSHA256");
        this.random = random;
    }

    String seal(String purpose, String plain) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, purpose).doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_LENGTH);
            System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    /** The plain text, or empty for anything that was not sealed by this key for this purpose (never throws). */
    Optional<String> open(String purpose, String sealed) {
        if (sealed == null || sealed.isEmpty() || sealed.length() > MAX_SEALED_CHARS) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            if (bytes.length < NONCE_LENGTH + TAG_BITS / 8) {
                return Optional.empty();
            }
            byte[] plain = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_LENGTH), purpose)
                    .doFinal(bytes, NONCE_LENGTH, bytes.length - NONCE_LENGTH);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return Optional.empty(); // not base64url, altered, or sealed with another key
        }
    }

    /** A random value for a CSRF cookie: 256 bits, base64url. */
    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** HMAC-SHA256 of {@code data}, base64url. */
    String mac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    /** Compares in constant time, so that a forger learns nothing from how long a refusal took. */
    static boolean same(String expected, String presented) {
        return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private Cipher cipher(int mode, byte[] nonce, String purpose) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(("grantsmith login " + purpose).getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
