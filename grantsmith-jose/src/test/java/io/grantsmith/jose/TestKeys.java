package io.grantsmith.jose;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Keys for this module's tests: generated once per algorithm and run (RSA takes a while), stored by hand. */
final class TestKeys {
    static final JwkGenerator GENERATOR = new JwkGenerator(new SecureRandom());
    private static final Map<SigningAlgorithm, JwkPair> FIRST = new EnumMap<>(SigningAlgorithm.class);

    private TestKeys() {
    }

    /** One key per algorithm, the same for every test of the run. */
    static synchronized JwkPair of(SigningAlgorithm algorithm) {
        return FIRST.computeIfAbsent(algorithm, GENERATOR::generate);
    }

    static StoredKey stored(long serviceId, JwkPair pair, KeyState state, Instant now) {
        return new StoredKey(serviceId, pair.kid(), pair.algorithm(), state, pair.privateJwk(), pair.publicJwk(),
                now, state == KeyState.NEXT ? null : now, null, null);
    }

    static void insert(ServiceKeyStore store, long serviceId, JwkPair pair, KeyState state, Instant now) {
        if (!store.apply(serviceId, List.of(new KeyChange.Insert(stored(serviceId, pair, state, now))))) {
            throw new IllegalStateException("the key was not inserted");
        }
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
