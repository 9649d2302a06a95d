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
 * rest, deriving rotated refresh tokens and pairwise subject identifiers. Every node of one deployment needs the same master key. It lives
 * in a file readable by its owner only, or comes from configuration; it is never stored in the database, so a
 * database dump alone yields neither client secrets nor the means to forge refresh-token successors.
 */
public final class KeyMaterial {
    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final byte[] master;

    private KeyMaterial(byte[] master) {
        if (master.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key has " + KEY_BYTES + " bytes");
        }
        this.master = master.clone();
    }

    /**
     * The key in {@code file} (base64), creating the file with a fresh random key (mode 0600, in a directory created
     * 0700) if it is missing.
     *
     * @throws IOException also when the file is readable or writable by group or others: such a key may have been
     *                     read already, and a server must not start on it unnoticed
     */
    public static KeyMaterial loadOrCreate(Path file, SecureRandom random) throws IOException {
        if (!Files.exists(file)) {
            try {
                write(file, Base64.getEncoder().encodeToString(randomKey(random)));
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        requireOwnerOnly(file);
        return fromBase64(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(permission -> !OWNER_ONLY_FILE.contains(permission))) {
            throw new IOException("the master key " + file + " is open to group or others ("
                    + PosixFilePermissions.toString(permissions) + "); anyone who read it can decrypt the client "
                    + "secrets. Make it private (chmod 600 " + file + "), and consider the key exposed");
        }
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

    /**
     * The secret behind pairwise subject identifiers (OpenID Connect Core §8.1): the same on every node and across
     * restarts as long as the master key is, so that a client keeps seeing the same {@code sub} for a user.
     */
    public byte[] pairwiseSecret() {
        return derive("grantsmith/pairwise-subject/v1");
    }

    /**
     * The AES-256 key that seals the built-in login page's state and browser session cookies: a cookie sealed by
     * one node opens on every node with the same master key, and changing the master key logs everyone out.
     */
    public byte[] loginSealingKey() {
        return derive("grantsmith/login-sealing/v1");
    }

    /** The HMAC key of the login page's CSRF tokens. */
    public byte[] loginCsrfKey() {
        return derive("grantsmith/login-csrf/v1");
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
        boolean posix = isPosix(parent);
        if (posix) {
            Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } else {
            Files.createDirectories(parent);
            Files.createFile(file);
        }
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "KeyMaterial[redacted]";
    }
}
