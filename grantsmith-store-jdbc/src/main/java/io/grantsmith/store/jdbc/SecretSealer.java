package io.grantsmith.store.jdbc;

import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.spi.StoreException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals client secrets for storage with AES-256-GCM: {@code format (1) | nonce (12) | ciphertext | tag (16)}.
 * The associated data binds a sealed value to its service and client ID, so copying it to another client's row,
 * or moving the row to another service, makes it fail to open instead of giving that client a known secret.
 * Nonces are random: secrets are sealed rarely (when a client is written), far below the 2^32 seals per key at
 * which random 96-bit nonces would become a risk.
 *
 * <p>Format 2 is current. Format 1 (release 0.1) bound the client ID only; {@link ResealClientSecretsMigration}
 * reseals such rows once, and nothing else opens format 1.
 */
final class SecretSealer {
    static final byte FORMAT = 2;
    static final byte FORMAT_1 = 1;
    private static final byte[] PURPOSE = "grantsmith client secret".getBytes(StandardCharsets.US_ASCII);
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int MIN_LENGTH = 1 + NONCE_LENGTH + TAG_BITS / 8;

    private final SecretKey key;
    private final SecureRandom random;

    SecretSealer(SealingKey key, SecureRandom random) {
        byte[] material = key.bytes();
        this.key = new SecretKeySpec(material, "AES");
        Arrays.fill(material, (byte) 0);
        this.random = random;
    }

    byte[] seal(long serviceId, long clientId, ClientSecret secret) {
        return seal(secret.reveal(), associatedData(serviceId, clientId), "the secret of client " + clientId);
    }

    /**
     * Opens a value sealed for {@code clientId} of {@code serviceId}; fails with {@link StoreException}, never
     * returns garbage.
     */
    ClientSecret unseal(long serviceId, long clientId, byte[] sealed) {
        return open(clientId, sealed, FORMAT, associatedData(serviceId, clientId));
    }

    /** Opens a value in format 1, which bound the client ID only: for {@link ResealClientSecretsMigration}. */
    ClientSecret unsealFormat1(long clientId, byte[] sealed) {
        return open(clientId, sealed, FORMAT_1, ByteBuffer.allocate(1 + PURPOSE.length + Long.BYTES)
                .put(FORMAT_1).put(PURPOSE).putLong(clientId).array());
    }

    private ClientSecret open(long clientId, byte[] sealed, byte format, byte[] associatedData) {
        return ClientSecret.of(open(sealed, format, associatedData, "secret of client " + clientId));
    }

    // ---- services' private signing keys (JWKs) ------------------------------------------------------------
    // Same format and key as client secrets; the associated data names another purpose and binds the sealed key to
    // its service and key ID, so that neither a client secret's blob nor another key's opens as this key.

    private static final byte[] KEY_PURPOSE = "grantsmith service signing key".getBytes(StandardCharsets.US_ASCII);

    byte[] sealPrivateKey(long serviceId, String kid, PrivateJwk jwk) {
        return seal(jwk.reveal(), keyAssociatedData(serviceId, kid), "a signing key of service " + serviceId);
    }

    /** Opens a key sealed for {@code serviceId} and {@code kid}; fails with {@link StoreException}, never returns garbage. */
    PrivateJwk unsealPrivateKey(long serviceId, String kid, byte[] sealed) {
        return PrivateJwk.of(open(sealed, FORMAT, keyAssociatedData(serviceId, kid),
                "signing key of service " + serviceId));
    }

    // ---- the one sealing format ---------------------------------------------------------------------------------

    /**
     * {@code FORMAT | nonce | AES-GCM(text)} under {@code associatedData}.
     *
     * @param what names the value in an error ("the secret of client 7")
     */
    private byte[] seal(String text, byte[] associatedData, String what) {
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
            byte[] sealed = new byte[1 + NONCE_LENGTH + cipher.getOutputSize(plain.length)];
            sealed[0] = FORMAT;
            System.arraycopy(nonce, 0, sealed, 1, NONCE_LENGTH);
            cipher.doFinal(plain, 0, plain.length, sealed, 1 + NONCE_LENGTH);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new StoreException("sealing " + what + " failed", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * The text sealed in {@code format} under {@code associatedData}; fails with {@link StoreException}, never
     * returns garbage.
     *
     * @param what names the value in an error ("secret of client 7")
     */
    private String open(byte[] sealed, byte format, byte[] associatedData, String what) {
        if (sealed.length < MIN_LENGTH || sealed[0] != format) {
            throw new StoreException("the sealed " + what + " has an unknown format");
        }
        byte[] nonce = Arrays.copyOfRange(sealed, 1, 1 + NONCE_LENGTH);
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, nonce, associatedData)
                    .doFinal(sealed, 1 + NONCE_LENGTH, sealed.length - 1 - NONCE_LENGTH);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new StoreException("the sealed " + what
                    + " does not open: wrong sealing key, or the row was altered or moved", e);
        } catch (GeneralSecurityException e) {
            throw new StoreException("unsealing the " + what + " failed", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** {@code format | purpose | service ID | kid length | kid}: the length keeps the encoding unambiguous. */
    private static byte[] keyAssociatedData(long serviceId, String kid) {
        byte[] kidBytes = kid.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + KEY_PURPOSE.length + Long.BYTES + Integer.BYTES + kidBytes.length)
                .put(FORMAT).put(KEY_PURPOSE).putLong(serviceId).putInt(kidBytes.length).put(kidBytes).array();
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(associatedData);
        return cipher;
    }

    private static byte[] associatedData(long serviceId, long clientId) {
        return ByteBuffer.allocate(1 + PURPOSE.length + 2 * Long.BYTES)
                .put(FORMAT).put(PURPOSE).putLong(serviceId).putLong(clientId).array();
    }
}
