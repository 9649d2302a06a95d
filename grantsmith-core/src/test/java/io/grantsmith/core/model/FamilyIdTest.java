package io.grantsmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FamilyIdTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long NOW = Instant.parse("2026-12-05T06:30:00.123Z").toEpochMilli();

    /** The 16 bytes as the JDBC stores keep them (Columns.family): most significant first, compared unsigned. */
    private static byte[] stored(FamilyId id) {
        return ByteBuffer.allocate(16).putLong(id.value().getMostSignificantBits())
                .putLong(id.value().getLeastSignificantBits()).array();
    }

    @Test
    void everyIdOfALaterMillisecondSortsAfterEveryIdOfAnEarlierOne() {
        List<FamilyId> earlier = IntStream.range(0, 500).mapToObj(i -> FamilyId.timeOrdered(NOW, RANDOM)).toList();
        List<FamilyId> later = IntStream.range(0, 500).mapToObj(i -> FamilyId.timeOrdered(NOW + 1, RANDOM)).toList();

        for (FamilyId before : earlier) {
            for (FamilyId after : later) {
                assertThat(Arrays.compareUnsigned(stored(before), stored(after))).isNegative();
                assertThat(before.value()).isLessThan(after.value());
            }
        }
        // Far apart too: a year later, and across the 32-bit boundary of the millisecond count.
        assertThat(Arrays.compareUnsigned(stored(FamilyId.timeOrdered(NOW, RANDOM)),
                stored(FamilyId.timeOrdered(NOW + 365L * 86_400_000, RANDOM)))).isNegative();
        assertThat(Arrays.compareUnsigned(stored(FamilyId.timeOrdered(0xFFFF_FFFFL, RANDOM)),
                stored(FamilyId.timeOrdered(0x1_0000_0000L, RANDOM)))).isNegative();
    }

    @Test
    void idsOfOneMillisecondAreDistinct() {
        Set<FamilyId> ids = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            ids.add(FamilyId.timeOrdered(NOW, RANDOM));
        }

        assertThat(ids).hasSize(200_000);
    }

    @Test
    void seventyFourBitsVaryAndTheRestAreTimeVersionAndVariant() {
        long mostOr = 0;
        long mostAnd = -1;
        long leastOr = 0;
        long leastAnd = -1;
        for (int i = 0; i < 2_000; i++) {
            UUID value = FamilyId.timeOrdered(NOW, RANDOM).value();
            mostOr |= value.getMostSignificantBits();
            mostAnd &= value.getMostSignificantBits();
            leastOr |= value.getLeastSignificantBits();
            leastAnd &= value.getLeastSignificantBits();
        }
        long mostVarying = mostOr & ~mostAnd;
        long leastVarying = leastOr & ~leastAnd;

        assertThat(Long.bitCount(mostVarying) + Long.bitCount(leastVarying)).isEqualTo(74);
        assertThat(mostVarying).isEqualTo(0xFFFL);
        assertThat(leastVarying).isEqualTo(0x3FFF_FFFF_FFFF_FFFFL);
        assertThat(mostAnd >>> 16).isEqualTo(NOW);
    }

    /** A standard version-7 UUID: the same 36-character text and 16 bytes as the version-4 IDs stores already hold. */
    @Test
    void theFormatIsAVersion7UuidThatRoundTripsThroughTextAndBytes() {
        FamilyId id = FamilyId.timeOrdered(NOW, RANDOM);
        ByteBuffer bytes = ByteBuffer.wrap(stored(id));

        assertThat(id.value().version()).isEqualTo(7);
        assertThat(id.value().variant()).isEqualTo(2);
        assertThat(id.value().toString()).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(new FamilyId(UUID.fromString(id.value().toString()))).isEqualTo(id);
        assertThat(new FamilyId(new UUID(bytes.getLong(), bytes.getLong()))).isEqualTo(id);
        assertThat(stored(id)).hasSize(16);
    }

    @Test
    void aTimeOrderedIdSaysWhenItWasMadeAndAnOldRandomOneDoesNot() {
        assertThat(FamilyId.timeOrdered(NOW, RANDOM).createdAt()).contains(Instant.ofEpochMilli(NOW));
        assertThat(FamilyId.random().createdAt()).isEmpty();
        assertThat(FamilyId.random().value().version()).isEqualTo(4);
    }

    @Test
    void aTimeOutsideFortyEightBitsOfMillisecondsIsRefused() {
        assertThatThrownBy(() -> FamilyId.timeOrdered(-1, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FamilyId.timeOrdered(1L << 48, RANDOM)).isInstanceOf(IllegalArgumentException.class);
        assertThat(FamilyId.timeOrdered((1L << 48) - 1, RANDOM).createdAt()).contains(Instant.ofEpochMilli((1L << 48) - 1));
    }
}
