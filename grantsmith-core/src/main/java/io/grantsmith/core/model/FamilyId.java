package io.grantsmith.core.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Identifies a token family: every refresh token rotated out of one original grant and the access tokens
 * issued with them. Reuse detection revokes a whole family.
 *
 * <p>New families get a time-ordered UUID ({@link #timeOrdered}, the layout of RFC 9562's version 7): the creation
 * millisecond in the first 48 bits, then 74 random bits. The stores keep the 16 bytes most significant first as the
 * {@code grants} primary key and in the family indexes of the token tables, so a new family is appended at the right
 * edge of those B-trees instead of splitting a random page of them (docs/BENCHMARKS.md § Growth). Families made
 * before that are random version-4 UUIDs and keep working: an ID is only ever compared for equality. The ID never
 * leaves the server (responses carry tokens, not families), and the 74 random bits keep two families of one
 * millisecond apart.
 */
public record FamilyId(UUID value) {
    private static final int VERSION_7 = 7;
    private static final long MAX_MILLIS = (1L << 48) - 1;

    public FamilyId {
        Objects.requireNonNull(value, "value");
    }

    /** A random version-4 ID, as families had before time-ordered ones (tests use it for "some other family"). */
    public static FamilyId random() {
        return new FamilyId(UUID.randomUUID());
    }

    /**
     * A new family created at {@code epochMilli}: that millisecond in the first 48 bits, the version (7) and variant
     * bits, and 74 bits from {@code random}. IDs of later milliseconds sort after earlier ones, byte by byte as the
     * stores keep them and by {@link UUID#compareTo} (whose signed comparison matches until the year 6429).
     */
    public static FamilyId timeOrdered(long epochMilli, SecureRandom random) {
        if (epochMilli < 0 || epochMilli > MAX_MILLIS) {
            throw new IllegalArgumentException("the time must fit 48 bits of milliseconds since 1970");
        }
        long randomHigh = random.nextLong();
        long randomLow = random.nextLong();
        long most = epochMilli << 16 | (long) VERSION_7 << 12 | randomHigh & 0xFFFL;
        long least = 0x8000_0000_0000_0000L | randomLow & 0x3FFF_FFFF_FFFF_FFFFL; // variant 10, then 62 random bits
        return new FamilyId(new UUID(most, least));
    }

    /** The millisecond a time-ordered ID was made at; empty for the random IDs of older families. */
    public Optional<Instant> createdAt() {
        if (value.version() != VERSION_7 || value.variant() != 2) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochMilli(value.getMostSignificantBits() >>> 16));
    }
}
