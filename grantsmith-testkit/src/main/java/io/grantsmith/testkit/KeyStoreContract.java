package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import io.grantsmith.registry.StoredService;
import io.grantsmith.registry.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link ServiceKeyStore} must do. A store's test class extends this and says how to
 * open a fresh, empty store. The key material is opaque to stores, so plain strings stand in for JWKs here.
 */
public abstract class KeyStoreContract {
    protected static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    protected Stores stores;
    protected ServiceKeyStore keys;

    /** A new, empty store. */
    protected abstract Stores openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
        keys = stores.keys();
    }

    @AfterEach
    void close() {
        if (stores != null) {
            stores.close();
        }
    }

    /** A key whose private JWK text is {@code {"d":"private-<kid>"}}, so tests can look for it. */
    protected static StoredKey key(long serviceId, String kid, SigningAlgorithm algorithm, KeyState state,
            Instant createdAt) {
        return new StoredKey(serviceId, kid, algorithm, state, PrivateJwk.of("{\"d\":\"private-" + kid + "\"}"),
                "{\"kid\":\"" + kid + "\"}", createdAt, state == KeyState.NEXT ? null : createdAt,
                state == KeyState.RETIRED ? createdAt : null, state == KeyState.RETIRED ? createdAt.plus(DAY) : null);
    }

    private static KeyChange insert(StoredKey key) {
        return new KeyChange.Insert(key);
    }

    @Test
    void whenKeysAreInsertedThenTheyAreListedWithEveryFieldOldestFirst() {
        StoredKey newer = key(1, "b-newer", SigningAlgorithm.ES256, KeyState.NEXT, NOW.plusSeconds(5));
        StoredKey older = key(1, "z-older", SigningAlgorithm.RS256, KeyState.CURRENT, NOW);
        StoredKey sameTime = key(1, "a-same-time", SigningAlgorithm.EdDSA, KeyState.RETIRED, NOW);
        StoredKey otherService = key(2, "z-older", SigningAlgorithm.PS256, KeyState.CURRENT, NOW);

        assertThat(keys.apply(1, List.of(insert(newer), insert(older), insert(sameTime)))).isTrue();
        assertThat(keys.apply(2, List.of(insert(otherService)))).as("key IDs are unique per service").isTrue();

        assertThat(keys.list(1)).containsExactly(sameTime, older, newer);
        assertThat(keys.list(1).get(0).privateJwk().reveal()).isEqualTo("{\"d\":\"private-a-same-time\"}");
        assertThat(keys.list(2)).containsExactly(otherService);
        assertThat(keys.list(3)).isEmpty();
    }

    @Test
    void whenAnyPreconditionFailsThenNothingOfTheListIsApplied() {
        StoredKey current = key(1, "current", SigningAlgorithm.RS256, KeyState.CURRENT, NOW);
        keys.apply(1, List.of(insert(current)));
        StoredKey fresh = key(1, "fresh", SigningAlgorithm.RS256, KeyState.NEXT, NOW);

        assertThat(keys.apply(1, List.of(insert(fresh), insert(key(1, "current", SigningAlgorithm.ES256,
                KeyState.NEXT, NOW))))).as("a taken kid").isFalse();
        assertThat(keys.apply(1, List.of(insert(fresh), new KeyChange.Transition("current", KeyState.NEXT,
                KeyState.CURRENT, NOW, null, null)))).as("a key in another state").isFalse();
        assertThat(keys.apply(1, List.of(insert(fresh), new KeyChange.Delete("missing", KeyState.NEXT))))
                .as("a missing key").isFalse();
        assertThat(keys.apply(1, List.of(insert(fresh), new KeyChange.Delete("current", KeyState.RETIRED))))
                .as("a delete in another state").isFalse();

        assertThat(keys.list(1)).containsExactly(current);
    }

    @Test
    void whenRotationIsAppliedThenStatesAndTimesMoveAndMaterialStays() {
        StoredKey current = key(1, "current", SigningAlgorithm.ES256, KeyState.CURRENT, NOW);
        StoredKey next = key(1, "next", SigningAlgorithm.ES256, KeyState.NEXT, NOW.plusSeconds(1));
        keys.apply(1, List.of(insert(current), insert(next)));
        Instant later = NOW.plus(DAY);
        StoredKey newNext = key(1, "newer", SigningAlgorithm.ES256, KeyState.NEXT, later);

        assertThat(keys.apply(1, List.of(
                new KeyChange.Transition("next", KeyState.NEXT, KeyState.CURRENT, later, null, null),
                new KeyChange.Transition("current", KeyState.CURRENT, KeyState.RETIRED, NOW, later, later.plus(DAY)),
                insert(newNext)))).isTrue();

        List<StoredKey> listed = keys.list(1);
        assertThat(listed).extracting(StoredKey::kid).containsExactly("current", "next", "newer");
        assertThat(listed.get(0).state()).isEqualTo(KeyState.RETIRED);
        assertThat(listed.get(0).activatedAt()).isEqualTo(NOW);
        assertThat(listed.get(0).retiredAt()).isEqualTo(later);
        assertThat(listed.get(0).publishUntil()).isEqualTo(later.plus(DAY));
        assertThat(listed.get(0).privateJwk()).isEqualTo(current.privateJwk());
        assertThat(listed.get(1).state()).isEqualTo(KeyState.CURRENT);
        assertThat(listed.get(1).activatedAt()).isEqualTo(later);
        assertThat(listed.get(1).publicJwk()).isEqualTo(next.publicJwk());
        assertThat(listed.get(2)).isEqualTo(newNext);
    }

    @Test
    void whenKeysAreDeletedInTheirStateThenTheyGo() {
        keys.apply(1, List.of(insert(key(1, "a", SigningAlgorithm.RS256, KeyState.CURRENT, NOW)),
                insert(key(1, "b", SigningAlgorithm.RS256, KeyState.RETIRED, NOW))));

        assertThat(keys.apply(1, List.of(new KeyChange.Delete("a", KeyState.CURRENT),
                new KeyChange.Delete("b", KeyState.RETIRED)))).isTrue();

        assertThat(keys.list(1)).isEmpty();
    }

    @Test
    void whenPurgingThenOnlyRetiredKeysPastTheirPublicationGoUpToTheLimit() {
        keys.apply(1, List.of(
                insert(key(1, "expired-1", SigningAlgorithm.RS256, KeyState.RETIRED, NOW.minus(DAY.multipliedBy(3)))),
                insert(key(1, "expired-2", SigningAlgorithm.RS256, KeyState.RETIRED, NOW.minus(DAY.multipliedBy(2)))),
                insert(key(1, "published", SigningAlgorithm.RS256, KeyState.RETIRED, NOW.minusSeconds(60))),
                insert(key(1, "current", SigningAlgorithm.RS256, KeyState.CURRENT, NOW.minus(DAY.multipliedBy(9)))),
                insert(key(1, "next", SigningAlgorithm.RS256, KeyState.NEXT, NOW.minus(DAY.multipliedBy(9))))));
        keys.apply(2, List.of(insert(key(2, "expired-3", SigningAlgorithm.ES256, KeyState.RETIRED,
                NOW.minus(DAY.multipliedBy(4))))));

        assertThat(keys.purgeRetired(NOW, 2)).isEqualTo(2);
        assertThat(keys.purgeRetired(NOW, 0)).isZero();
        assertThat(keys.purgeRetired(NOW, 10)).isEqualTo(1);
        assertThat(keys.purgeRetired(NOW, 10)).isZero();

        assertThat(keys.list(1)).extracting(StoredKey::kid).containsExactly("current", "next", "published");
        assertThat(keys.list(2)).isEmpty();
    }

    @Test
    void whenServiceIsDeletedThenItsKeysGoToo() {
        stores.services().insert(new StoredService(7, TokenHash.of(new byte[32]), "{}", NOW, NOW));
        keys.apply(7, List.of(insert(key(7, "k", SigningAlgorithm.RS256, KeyState.CURRENT, NOW))));
        keys.apply(8, List.of(insert(key(8, "k", SigningAlgorithm.RS256, KeyState.CURRENT, NOW))));

        stores.services().delete(7);

        assertThat(keys.list(7)).isEmpty();
        assertThat(keys.list(8)).hasSize(1);
    }

    @Test
    void whenManyThreadsApplyTheSameRotationThenExactlyOneSucceeds() throws Exception {
        keys.apply(1, List.of(insert(key(1, "current", SigningAlgorithm.RS256, KeyState.CURRENT, NOW)),
                insert(key(1, "next", SigningAlgorithm.RS256, KeyState.NEXT, NOW))));
        List<KeyChange> rotation = List.of(
                new KeyChange.Transition("next", KeyState.NEXT, KeyState.CURRENT, NOW, null, null),
                new KeyChange.Transition("current", KeyState.CURRENT, KeyState.RETIRED, NOW, NOW, NOW.plus(DAY)));

        List<Boolean> outcomes = Concurrently.run(8, () -> keys.apply(1, rotation));

        assertThat(outcomes).containsOnlyOnce(true);
        assertThat(keys.list(1)).extracting(StoredKey::state).containsExactlyInAnyOrder(KeyState.CURRENT,
                KeyState.RETIRED);
    }
}
