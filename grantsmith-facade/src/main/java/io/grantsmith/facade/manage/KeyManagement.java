package io.grantsmith.facade.manage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.jose.ImportedKey;
import io.grantsmith.jose.InvalidJwkSetException;
import io.grantsmith.jose.JwkPair;
import io.grantsmith.jose.JwkSetImport;
import io.grantsmith.jose.ServiceKeyRing;
import io.grantsmith.jose.SigningKeyGenerator;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.StoredService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Services' signing keys, for the management API and the command line: the JWK Set a service document carries
 * ({@code jwks}, Authlete's shape: a JSON string holding a JWK Set, private keys included), the default key of a
 * new service, rotation, and the JWK Set endpoints.
 *
 * <p>Private keys never stay in a stored service document: {@code jwks} is taken out and its keys go to the key
 * store, sealed. A service's view shows its published public keys as {@code jwks} instead.
 *
 * <p>Rotation of an algorithm: the next key becomes current, the current key retires and stays published until
 * every token it may have signed has expired, and a fresh next key is published, so that relying parties can
 * cache it before it signs.
 */
public final class KeyManagement {
    /** Two services' or callers' changes racing each other are retried this often before answering 409. */
    private static final int MAX_ATTEMPTS = 3;

    private final ServiceRegistry services;
    private final Directory directory;
    private final ServiceKeyStore store;
    private final ServiceKeyRing ring;
    private final SigningKeyGenerator generator;
    private final Clock clock;
    private final Duration minimumPublication;

    /**
     * @param minimumPublication how long a retired key stays published at least; the service's
     *                           {@code idTokenDuration} (and {@code accessTokenDuration} when it signs access
     *                           tokens) lengthens it
     */
    public KeyManagement(ServiceRegistry services, Directory directory, ServiceKeyStore store, ServiceKeyRing ring,
            SigningKeyGenerator generator, Clock clock, Duration minimumPublication) {
        this.services = services;
        this.directory = directory;
        this.store = store;
        this.ring = ring;
        this.generator = generator;
        this.clock = clock;
        this.minimumPublication = minimumPublication;
    }

    // ---- the JWK Set endpoints and the key list -----------------------------------------------------------

    /**
     * The service's published JWK Set (next, current and still-published retired keys) as JSON; empty when it
     * has no keys.
     *
     * @param includePrivateKeys with the private members, for the owner's backups (Authlete's
     *                           {@code includePrivateKeys}); never cached
     * @param pretty             indented
     * @throws ApiFailure 404 for an unknown service (looked up in the cached directory, so that unknown IDs cost
     *                    no store read)
     */
    public Optional<String> jwks(long serviceId, boolean includePrivateKeys, boolean pretty) {
        if (directory.findService(serviceId).isEmpty()) {
            throw new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId);
        }
        Optional<String> set = includePrivateKeys ? ring.privateJwkSet(serviceId) : ring.publicJwkSet(serviceId);
        return pretty ? set.map(KeyManagement::indented) : set;
    }

    /** Every stored key of the service with its state and times, without key material; current keys first. */
    public ObjectNode list(long serviceId) {
        requireService(serviceId);
        return listing(serviceId, store.list(serviceId));
    }

    // ---- rotation -----------------------------------------------------------------------------------------

    /**
     * Rotates the service's keys of {@code algorithm}, or of every algorithm it has keys for when null (RS256
     * when it has none): the next key becomes current (a new key when there is no next one), the current key
     * retires, published until every token it may have signed has expired, and a new next key is generated.
     *
     * @return the service's keys afterwards, as {@link #list}
     * @throws ApiFailure 404 for an unknown service; 409 when concurrent changes kept winning
     */
    public ObjectNode rotate(long serviceId, SigningAlgorithm algorithm) {
        StoredService service = requireService(serviceId);
        Duration publication = publication(service);
        Map<SigningAlgorithm, List<JwkPair>> fresh = new EnumMap<>(SigningAlgorithm.class);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            List<StoredKey> existing = store.list(serviceId);
            Instant now = clock.instant();
            List<KeyChange> changes = new ArrayList<>();
            for (SigningAlgorithm alg : rotated(existing, algorithm)) {
                List<JwkPair> generated = fresh.computeIfAbsent(alg, a -> new ArrayList<>());
                changes.addAll(rotation(serviceId, alg, existing, generated, now, publication));
            }
            if (store.apply(serviceId, changes)) {
                ring.invalidate(serviceId);
                return listing(serviceId, store.list(serviceId));
            }
        }
        throw new ApiFailure(ApiResultCode.KEYS_CHANGED);
    }

    private static Set<SigningAlgorithm> rotated(List<StoredKey> existing, SigningAlgorithm algorithm) {
        if (algorithm != null) {
            return Set.of(algorithm);
        }
        Set<SigningAlgorithm> algorithms = new LinkedHashSet<>();
        existing.stream().filter(key -> key.state() != KeyState.RETIRED).forEach(key -> algorithms.add(key.algorithm()));
        return algorithms.isEmpty() ? Set.of(SigningAlgorithm.DEFAULT) : algorithms;
    }

    /** The changes that rotate one algorithm; keys generated for an earlier attempt are used again. */
    private List<KeyChange> rotation(long serviceId, SigningAlgorithm algorithm, List<StoredKey> existing,
            List<JwkPair> generated, Instant now, Duration publication) {
        List<KeyChange> changes = new ArrayList<>();
        Optional<StoredKey> next = existing.stream()
                .filter(key -> key.algorithm() == algorithm && key.state() == KeyState.NEXT).findFirst();
        int used = 0;
        if (next.isPresent()) {
            changes.add(new KeyChange.Transition(next.get().kid(), KeyState.NEXT, KeyState.CURRENT, now, null, null));
        } else {
            // nothing was pre-published: a new key signs at once (relying parties fetch the set for an unknown kid)
            changes.add(new KeyChange.Insert(stored(serviceId, key(generated, used++, algorithm), KeyState.CURRENT,
                    now, null)));
        }
        for (StoredKey current : existing) {
            if (current.algorithm() == algorithm && current.state() == KeyState.CURRENT) {
                changes.add(new KeyChange.Transition(current.kid(), KeyState.CURRENT, KeyState.RETIRED,
                        current.activatedAt(), now, now.plus(publication)));
            }
        }
        changes.add(new KeyChange.Insert(stored(serviceId, key(generated, used, algorithm), KeyState.NEXT, now, null)));
        return changes;
    }

    private JwkPair key(List<JwkPair> generated, int index, SigningAlgorithm algorithm) {
        while (generated.size() <= index) {
            generated.add(generator.generate(algorithm));
        }
        return generated.get(index);
    }

    /**
     * How long a key retiring now stays published: until every token it may have signed has expired, that is the
     * longest lifetime of the tokens the service signs, and at least the configured minimum.
     */
    private Duration publication(StoredService service) {
        ObjectNode document = Documents.parse(service.document());
        long seconds = Math.max(minimumPublication.getSeconds(), positiveLong(document, "idTokenDuration"));
        JsonNode accessTokenSignAlg = document.get("accessTokenSignAlg");
        if (accessTokenSignAlg != null && !accessTokenSignAlg.isNull()) {
            seconds = Math.max(seconds, positiveLong(document, "accessTokenDuration"));
        }
        return Duration.ofSeconds(Math.min(seconds, ServiceDocuments.MAX_DURATION_SECONDS));
    }

    private static long positiveLong(ObjectNode document, String member) {
        JsonNode value = document.get(member);
        return value != null && value.canConvertToLong() ? Math.max(0, value.asLong()) : 0;
    }

    // ---- the service documents' jwks ----------------------------------------------------------------------

    /**
     * What a create or update request asks of the service's keys: the keys of its {@code jwks} (null when it has
     * none, which keeps the keys as they are), the key its {@code idTokenSignatureKeyId} names, and for a new
     * service without {@code jwks} the default key, generated before anything is stored.
     */
    record Plan(List<ImportedKey> imported, String preferredKid, JwkPair defaultKey) {
    }

    /**
     * Takes {@code jwks} out of a document about to be stored and checks it; for an update ({@code serviceId} not
     * null) also against the service's keys now, so that a request that cannot be applied changes nothing.
     *
     * @throws ApiFailure 400 when the JWK Set cannot be used
     */
    Plan plan(Long serviceId, ObjectNode document) {
        JsonNode jwks = document.remove("jwks");
        String preferred = document.path("idTokenSignatureKeyId").isTextual()
                ? document.get("idTokenSignatureKeyId").asText() : null;
        if (jwks == null || jwks.isNull() || (jwks.isTextual() && jwks.asText().isBlank())) {
            return new Plan(null, preferred, serviceId == null ? generator.generate(SigningAlgorithm.DEFAULT) : null);
        }
        if (!jwks.isTextual() && !jwks.isObject()) {
            throw Documents.invalid("The value of 'jwks' must be a string holding a JWK Set.");
        }
        List<ImportedKey> imported;
        try {
            imported = JwkSetImport.parse(jwks.isTextual() ? jwks.asText() : Documents.write(jwks),
                    ring.joseProvider());
        } catch (InvalidJwkSetException e) {
            throw new ApiFailure(ApiResultCode.JWKS_INVALID, e.getMessage());
        }
        Plan plan = new Plan(imported, preferred, null);
        changes(serviceId == null ? 0 : serviceId, serviceId == null ? List.of() : store.list(serviceId), plan,
                clock.instant(), minimumPublication);
        return plan;
    }

    /**
     * Applies a plan to a service just stored: imports the JWK Set, or stores the default key of a new service.
     *
     * @throws ApiFailure 400 when the set no longer fits the service's keys; 409 when concurrent changes kept winning
     */
    void apply(long serviceId, Plan plan) {
        if (plan.imported() == null && plan.defaultKey() == null) {
            return;
        }
        Duration publication = plan.imported() == null ? minimumPublication
                : services.find(serviceId).map(this::publication).orElse(minimumPublication);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            List<KeyChange> changes = plan.imported() == null
                    ? List.of(new KeyChange.Insert(stored(serviceId, plan.defaultKey(), KeyState.CURRENT, now, null)))
                    : changes(serviceId, store.list(serviceId), plan, now, publication);
            if (store.apply(serviceId, changes)) {
                ring.invalidate(serviceId);
                return;
            }
        }
        throw new ApiFailure(ApiResultCode.KEYS_CHANGED);
    }

    /**
     * The changes that make the service's keys those of an imported JWK Set. Keys the service has already (same
     * kid and public key, sent back from a service view or with their private half) keep their state; keys not in
     * the set are deleted. Of the new keys, per algorithm without a current key the one {@code idTokenSignatureKeyId}
     * names, or else the first, becomes current (and the one named replaces a current key of its algorithm, which
     * retires); the other new keys may have signed tokens elsewhere, so they are published as retired keys.
     */
    private List<KeyChange> changes(long serviceId, List<StoredKey> existing, Plan plan, Instant now,
            Duration publication) {
        Map<String, StoredKey> stored = new LinkedHashMap<>();
        existing.forEach(key -> stored.put(key.kid(), key));
        List<KeyChange> changes = new ArrayList<>();
        Map<String, StoredKey> kept = new LinkedHashMap<>();
        List<ImportedKey> added = new ArrayList<>();
        for (int i = 0; i < plan.imported().size(); i++) {
            ImportedKey key = plan.imported().get(i);
            StoredKey same = stored.get(key.kid());
            if (same != null && same.algorithm() == key.algorithm() && key.samePublicKey(same.publicJwk())) {
                kept.put(same.kid(), same);
            } else if (!key.hasPrivateKey()) {
                throw new ApiFailure(ApiResultCode.JWKS_INVALID, "Key " + (i + 1) + " (kid '"
                        + Quoted.of(key.kid()) + "') has no private key, and the service "
                        + "has no such key to keep.");
            } else {
                added.add(key);
            }
        }
        for (StoredKey key : existing) {
            if (!kept.containsKey(key.kid())) {
                changes.add(new KeyChange.Delete(key.kid(), key.state()));
            }
        }
        Map<SigningAlgorithm, StoredKey> keptCurrent = new EnumMap<>(SigningAlgorithm.class);
        kept.values().stream().filter(key -> key.state() == KeyState.CURRENT)
                .forEach(key -> keptCurrent.putIfAbsent(key.algorithm(), key));
        Set<SigningAlgorithm> hasCurrent = new LinkedHashSet<>(keptCurrent.keySet());
        Optional<ImportedKey> preferred = added.stream().filter(key -> key.kid().equals(plan.preferredKid())).findFirst();
        if (preferred.isPresent()) {
            StoredKey replaced = keptCurrent.get(preferred.get().algorithm());
            if (replaced != null) {
                changes.add(new KeyChange.Transition(replaced.kid(), KeyState.CURRENT, KeyState.RETIRED,
                        replaced.activatedAt(), now, now.plus(publication)));
            }
            changes.add(new KeyChange.Insert(stored(serviceId, preferred.get().toPair(), KeyState.CURRENT, now, null)));
            hasCurrent.add(preferred.get().algorithm());
        }
        for (ImportedKey key : added) {
            if (preferred.isPresent() && key == preferred.get()) {
                continue;
            }
            if (hasCurrent.add(key.algorithm())) {
                changes.add(new KeyChange.Insert(stored(serviceId, key.toPair(), KeyState.CURRENT, now, null)));
            } else {
                changes.add(new KeyChange.Insert(stored(serviceId, key.toPair(), KeyState.RETIRED, now,
                        now.plus(publication))));
            }
        }
        return changes;
    }

    /** The service's view with its published public keys as Authlete's {@code jwks} (a JSON string), if any. */
    ObjectNode withPublicKeys(long serviceId, ObjectNode view) {
        ring.publicJwkSet(serviceId).ifPresent(jwks -> view.put("jwks", jwks));
        return view;
    }

    /** The service and its keys are gone (the store deleted the keys with the service). */
    void serviceDeleted(long serviceId) {
        ring.invalidate(serviceId);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static StoredKey stored(long serviceId, JwkPair pair, KeyState state, Instant now, Instant publishUntil) {
        return new StoredKey(serviceId, pair.kid(), pair.algorithm(), state, pair.privateJwk(), pair.publicJwk(),
                now, state == KeyState.CURRENT ? now : null, state == KeyState.RETIRED ? now : null, publishUntil);
    }

    private StoredService requireService(long serviceId) {
        return services.find(serviceId).orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }

    private ObjectNode listing(long serviceId, List<StoredKey> keys) {
        Instant now = clock.instant();
        ObjectNode listing = WireJson.mapper().createObjectNode();
        listing.put("serviceId", serviceId);
        ArrayNode array = listing.putArray("keys");
        List<StoredKey> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparing(StoredKey::state, Comparator.comparingInt(KeyManagement::listingRank)));
        for (StoredKey key : ordered) {
            ObjectNode entry = array.addObject();
            entry.put("kid", key.kid());
            entry.put("alg", key.algorithm().wireName());
            entry.put("state", key.state().name());
            entry.put("published", key.publishedAt(now));
            entry.put("createdAt", key.createdAt().toEpochMilli());
            putTime(entry, "activatedAt", key.activatedAt());
            putTime(entry, "retiredAt", key.retiredAt());
            putTime(entry, "publishUntil", key.publishUntil());
        }
        return listing;
    }

    /** Current keys first, then next, then retired; within a state, oldest first as stored. */
    private static int listingRank(KeyState state) {
        return switch (state) {
            case CURRENT -> 0;
            case NEXT -> 1;
            case RETIRED -> 2;
        };
    }

    private static void putTime(ObjectNode entry, String member, Instant time) {
        if (time != null) {
            entry.put(member, time.toEpochMilli());
        }
    }

    private static String indented(String json) {
        try {
            return WireJson.mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(WireJson.mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JWK Set written by Nimbus is JSON", e);
        }
    }
}
