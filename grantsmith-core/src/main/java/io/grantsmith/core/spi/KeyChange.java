package io.grantsmith.core.spi;

import io.grantsmith.core.jose.KeyState;
import java.time.Instant;
import java.util.Objects;

/**
 * One change to a service's key set, with the precondition a store checks before applying it. A list of changes
 * is applied all or nothing by {@link ServiceKeyStore#apply}, so that a rotation never leaves a service with two
 * current keys or none, and two concurrent rotations cannot both succeed.
 */
public sealed interface KeyChange {
    String kid();

    /** Adds a key; its precondition is that the service has no key with this {@code kid}. */
    record Insert(StoredKey key) implements KeyChange {
        public Insert {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String kid() {
            return key.kid();
        }
    }

    /**
     * Moves a key from state {@code from} to state {@code to} and sets its times; its precondition is that the
     * key exists and is in state {@code from}.
     */
    record Transition(String kid, KeyState from, KeyState to, Instant activatedAt, Instant retiredAt,
            Instant publishUntil) implements KeyChange {
        public Transition {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to == KeyState.RETIRED && (retiredAt == null || publishUntil == null)) {
                throw new IllegalArgumentException("a retired key has retiredAt and publishUntil");
            }
        }
    }

    /** Removes a key; its precondition is that the key exists and is in state {@code from}. */
    record Delete(String kid, KeyState from) implements KeyChange {
        public Delete {
            Objects.requireNonNull(kid, "kid");
            Objects.requireNonNull(from, "from");
        }
    }
}
