package io.grantsmith.facade.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with
 * OWASP's recommended minimum cost (19 MiB, 2 passes, 1 lane). The parameters travel with each hash, so they
 * can be raised later without breaking stored users.
 *
 * <p>Argon2id's 19 MiB are 19,456 blocks of 1 KiB that stay live for the whole hash (~50 ms). Allocated afresh for
 * each hash they are young garbage that the collector finds alive and copies, then promotes: under a password flood
 * on a small heap that made the young pauses, concurrent cycles and mixed collections, not the hashing itself, the
 * largest cost to everyone else. The blocks are therefore kept in a pool sized for the hashes that may run at once
 * (the verification slots) and reused, cleared after each hash; a hash beyond that (a stored hash with a higher
 * memory cost, hashing outside the slots) allocates what the pool lacks and the pool keeps no more than its size.
 */
public final class PasswordHasher {
    private static final int MEMORY_KIB = 19_456;
    private static final int ITERATIONS = 2;
    private static final int PARALLELISM = 1;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** Blocks of 1 KiB one hash at the default cost uses. */
    static final int BLOCKS_PER_HASH = MEMORY_KIB;

    private final SecureRandom random;
    private final Argon2BytesGenerator.BlockPool blocks;

    /** A hasher that keeps the memory of one hash at a time (for tools that hash one password at a time). */
    public PasswordHasher(SecureRandom random) {
        this(random, 1);
    }

    /**
     * @param concurrentHashes how many hashes are expected to run at once: the pool keeps their memory
     *                         ({@code concurrentHashes} × 19 MiB once they have run) between hashes
     */
    public PasswordHasher(SecureRandom random, int concurrentHashes) {
        if (concurrentHashes < 1) {
            throw new IllegalArgumentException("the pool must hold the memory of at least one hash");
        }
        this.random = random;
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(
                Math.multiplyExact(concurrentHashes, BLOCKS_PER_HASH));
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$"
                + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches {@code encoded}; false (not an exception) for a malformed hash. */
    public boolean verify(String password, String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int memory = 0;
            int iterations = 0;
            int parallelism = 0;
            for (String parameter : parts[3].split(",")) {
                String[] pair = parameter.split("=", 2);
                int value = Integer.parseInt(pair[1]);
                switch (pair[0]) {
                    case "m" -> memory = value;
                    case "t" -> iterations = value;
                    case "p" -> parallelism = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] expected = B64_DECODER.decode(parts[5]);
            byte[] actual = derive(password, salt, memory, iterations, parallelism, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .withBlockPool(blocks)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
