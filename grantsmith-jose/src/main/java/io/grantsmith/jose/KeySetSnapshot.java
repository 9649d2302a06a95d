package io.grantsmith.jose;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's key set as of one instant, immutable: the current key per algorithm, the published keys by
 * {@code kid} and the public JWK Set already written as JSON. Built when the set is loaded or changes, and again
 * (from the same parsed keys) when a retired key's publication ends; never per request.
 */
final class KeySetSnapshot {
    /** Current keys first, then next, then retired: relying parties that take the first key take the right one. */
    private static final Comparator<ParsedKey> PUBLICATION_ORDER = Comparator.comparingInt(
            (ParsedKey key) -> switch (key.stored().state()) {
                case CURRENT -> 0;
                case NEXT -> 1;
                case RETIRED -> 2;
            });

    private final List<ParsedKey> all;
    private final Map<SigningAlgorithm, ParsedKey> current;
    private final Map<String, ParsedKey> published;
    private final Set<SigningAlgorithm> algorithms;
    private final String publicJwkSet;
    /** When the published set changes by itself (the earliest end of a retired key's publication), or null. */
    private final Instant changesAt;

    private KeySetSnapshot(List<ParsedKey> all, Instant now) {
        this.all = List.copyOf(all);
        Map<SigningAlgorithm, ParsedKey> currentKeys = new EnumMap<>(SigningAlgorithm.class);
        List<ParsedKey> publishedKeys = new ArrayList<>();
        Instant nextChange = null;
        for (ParsedKey key : all) {
            if (!key.stored().publishedAt(now)) {
                continue;
            }
            publishedKeys.add(key);
            if (key.stored().state() == KeyState.CURRENT) {
                currentKeys.putIfAbsent(key.stored().algorithm(), key); // stores keep one; the oldest wins otherwise
            }
            Instant until = key.stored().publishUntil();
            if (key.stored().state() == KeyState.RETIRED && (nextChange == null || until.isBefore(nextChange))) {
                nextChange = until;
            }
        }
        publishedKeys.sort(PUBLICATION_ORDER); // stable: within a state, the stored (oldest first) order stays
        Map<String, ParsedKey> byKid = new LinkedHashMap<>();
        List<JWK> jwks = new ArrayList<>();
        for (ParsedKey key : publishedKeys) {
            byKid.put(key.stored().kid(), key);
            jwks.add(key.publicJwk());
        }
        this.current = Collections.unmodifiableMap(currentKeys);
        this.published = Collections.unmodifiableMap(byKid);
        this.algorithms = currentKeys.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(currentKeys.keySet()));
        this.publicJwkSet = jwks.isEmpty() ? null : new JWKSet(jwks).toString(true);
        this.changesAt = nextChange;
    }

    static KeySetSnapshot of(List<ParsedKey> keys, Instant now) {
        return new KeySetSnapshot(keys, now);
    }

    /** Whether the published set has changed by itself since this snapshot was built. */
    boolean outdatedAt(Instant now) {
        return changesAt != null && !now.isBefore(changesAt);
    }

    /** This key set as published at {@code now}, from the same parsed keys. */
    KeySetSnapshot at(Instant now) {
        return new KeySetSnapshot(all, now);
    }

    List<ParsedKey> all() {
        return all;
    }

    ParsedKey current(SigningAlgorithm algorithm) {
        return current.get(algorithm);
    }

    ParsedKey published(String kid) {
        return published.get(kid);
    }

    /** Published keys of {@code algorithm}, for a JWS without {@code kid}. */
    List<ParsedKey> published(SigningAlgorithm algorithm) {
        return published.values().stream().filter(key -> key.stored().algorithm() == algorithm).toList();
    }

    Set<SigningAlgorithm> algorithms() {
        return algorithms;
    }

    /** The public JWK Set as JSON, or null when nothing is published. */
    String publicJwkSet() {
        return publicJwkSet;
    }
}
