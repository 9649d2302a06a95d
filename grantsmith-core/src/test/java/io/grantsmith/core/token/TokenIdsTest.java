package io.grantsmith.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenIdsTest {
    private static final Instant T0 = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void whenKeysAreTakenThenTheyArePositiveAndStrictlyIncreasing() {
        TokenIds ids = new TokenIds(Clock.fixed(T0, ZoneOffset.UTC), new SecureRandom());
        long previous = 0;
        for (int i = 0; i < 10_000; i++) { // several times the 2,048 keys of one millisecond
            long key = ids.next();
            assertThat(key).isPositive().isGreaterThan(previous);
            previous = key;
        }
    }

    @Test
    void whenTheClockStepsBackThenKeysStillIncrease() {
        MovableClock clock = new MovableClock(T0);
        TokenIds ids = new TokenIds(clock, new SecureRandom());
        long before = ids.next();

        clock.now = T0.minus(Duration.ofHours(1));

        assertThat(ids.next()).isGreaterThan(before);
    }

    @Test
    void whenTimePassesThenKeysOfTheLaterMillisecondAreLarger() {
        MovableClock clock = new MovableClock(T0);
        TokenIds early = new TokenIds(clock, new SecureRandom());
        TokenIds other = new TokenIds(clock, new SecureRandom());
        long earlier = early.next();

        clock.now = T0.plusMillis(1);

        assertThat(other.next()).as("ordered across generators by time").isGreaterThan(earlier);
    }

    @Test
    void whenManyThreadsTakeKeysThenNoKeyRepeats() throws Exception {
        TokenIds ids = new TokenIds(Clock.systemUTC(), new SecureRandom());
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        seen.add(ids.next());
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(seen).hasSize(80_000);
    }

    @Test
    void whenValuesAreEncodedThenTheirKeyReadsBackAndOtherValuesHaveNone() {
        byte[] secret = new byte[TokenFormat.SECRET_BYTES];
        String value = TokenFormat.encode(123_456_789L, secret);

        assertThat(value).hasSize(TokenFormat.LENGTH);
        assertThat(TokenFormat.keyOf(value)).isEqualTo(123_456_789L);
        Set<Long> none = new HashSet<>();
        for (String other : new String[] {null, "", "short", value + "x", value.substring(1) + "!",
            TokenFormat.encode(-5, secret)}) {
            none.add(TokenFormat.keyOf(other));
        }
        assertThat(none).containsExactly(0L);
    }

    private static final class MovableClock extends Clock {
        volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @Test
    void whenTwoGeneratorsHaveDifferentNodeIdsThenTheirKeysNeverMeetEvenInTheSameMillisecond() {
        Clock fixed = Clock.fixed(T0, ZoneOffset.UTC);
        TokenIds a = new TokenIds(fixed, io.grantsmith.core.spi.NodeIdSource.fixed(0));
        TokenIds b = new TokenIds(fixed, io.grantsmith.core.spi.NodeIdSource.fixed(1));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            assertThat(seen.add(a.next())).isTrue();
            assertThat(seen.add(b.next())).isTrue();
        }
    }

    @Test
    void whenTheNodeIdSourceRefusesThenNoKeyIsMinted() {
        TokenIds ids = new TokenIds(Clock.systemUTC(), () -> {
            throw new io.grantsmith.core.spi.StoreException("no lease");
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(ids::next)
                .isInstanceOf(io.grantsmith.core.spi.StoreException.class).hasMessage("no lease");
    }
}
