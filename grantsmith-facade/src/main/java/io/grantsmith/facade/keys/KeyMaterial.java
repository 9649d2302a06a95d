package io.grantsmith.facade.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's master key (256 bits) and the keys derived from it for each purpose: sealing client secrets at
 * rest and deriving rotated refresh tokens. Every node of one deployment needs the same master key. It lives
 * in a file readable by its owner only, or comes from configuration; it is never stored in the database, so a
 * database dump alone yields neither client secrets nor the means to forge refresh-token successors.
 */
public final class KeyMaterial {
    private static final int KEY_BYTES = 32;

    private final byte[] master;

    private KeyMaterial(byte[] master) {
        if (master.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key has " + KEY_BYTES + " bytes");
        }
        this.master = master.clone();
    }

    /** The key in {@code file} (base64), creating the file with a fresh random key (mode 0600) if it is missing. */
    public static KeyMaterial loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            try {
                write(file, Base64.getEncoder().encodeToString(randomKey(random)));
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    public static KeyMaterial fromBase64(String encoded) {
        try {
            return new KeyMaterial(Base64.getDecoder().decode(encoded));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes in base64", e);
        }
    }

    public static KeyMaterial random(SecureRandom random) {
        return new KeyMaterial(randomKey(random));
    }

    private static byte[] randomKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** The AES-256 key that seals client secrets at rest. */
    public byte[] sealingKey() {
        return derive("grantsmith/client-secret-sealing/v1");
    }

    /** The HMAC key from which rotated refresh tokens are derived. */
    public byte[] rotationSecret() {
        return derive("grantsmith/refresh-rotation/v1");
    }

    private byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public String toString() {
        return "KeyMaterial[redacted]";
    }
}
