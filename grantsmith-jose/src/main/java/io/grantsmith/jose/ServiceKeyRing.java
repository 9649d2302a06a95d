package io.grantsmith.jose;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.grantsmith.core.jose.JwtSigner;
import io.grantsmith.core.jose.JwtVerifier;
import io.grantsmith.core.jose.NoSigningKeyException;
import io.grantsmith.core.jose.SignedJwt;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.jose.VerifiedJwt;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The services' signing keys, parsed: implements the core's {@link JwtSigner} and {@link JwtVerifier} with Nimbus
 * JOSE+JWT, and renders each service's public JWK Set. A service's keys are read from the store and parsed when
 * first needed, then kept: a signature costs a cache lookup, the signature itself and the encoding, never a
 * parse. {@link #invalidate} after a change made through this process shows it at once; changes made elsewhere
 * (another node, the offline CLI) are picked up within {@code ttl}, in the background, re-parsing only keys whose
 * material changed.
 */
public final class ServiceKeyRing implements JwtSigner, JwtVerifier {
    private static final System.Logger LOG = System.getLogger(ServiceKeyRing.class.getName());

    /** A compact JWS longer than this is not one of ours (an ID token is one or two kilobytes). */
    static final int MAX_COMPACT_LENGTH = 32 * 1024;

    private final ServiceKeyStore store;
    private final Clock clock;
    private final LoadingCache<Long, KeySetSnapshot> snapshots;
    private final AtomicLong keysParsed = new AtomicLong();
    /** The provider selection: keys are parsed (and so signed and verified) only once it is made. */
    private final CompletableFuture<JoseProvider> jca;

    /**
     * With the native JCA provider where it works here ({@link JoseProvider.Mode#AUTO}), selected meanwhile: the
     * first use of a key waits for the selection if it is not made yet.
     */
    public ServiceKeyRing(ServiceKeyStore store, Clock clock, Duration ttl) {
        this(store, clock, ttl, JoseProvider.selecting(JoseProvider.Mode.AUTO));
    }

    /** @param jca the JCA provider of each RSA and ECDSA algorithm */
    public ServiceKeyRing(ServiceKeyStore store, Clock clock, Duration ttl, JoseProvider jca) {
        this(store, clock, ttl, CompletableFuture.completedFuture(Objects.requireNonNull(jca, "jca")));
    }

    /**
     * @param jca the JCA provider of each RSA and ECDSA algorithm, once selected ({@link JoseProvider#selecting}):
     *            the ring is made at once, and the first use of a key (to sign, verify or publish) waits for it
     */
    public ServiceKeyRing(ServiceKeyStore store, Clock clock, Duration ttl, CompletableFuture<JoseProvider> jca) {
        this.store = Objects.requireNonNull(store, "store");
        this.jca = Objects.requireNonNull(jca, "jca");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.snapshots = Caffeine.newBuilder()
                .maximumSize(10_000)
                .refreshAfterWrite(ttl)
                .build(new CacheLoader<>() {
                    @Override
                    public KeySetSnapshot load(Long serviceId) {
                        return snapshot(serviceId, List.of());
                    }

                    @Override
                    public KeySetSnapshot reload(Long serviceId, KeySetSnapshot previous) {
                        return snapshot(serviceId, previous.all());
                    }
                });
    }

    @Override
    public SignedJwt sign(long serviceId, SigningAlgorithm algorithm, Map<String, ?> header,
            Map<String, ?> claims) {
        ParsedKey key = keys(serviceId).current(algorithm);
        if (key == null) {
            throw new NoSigningKeyException(serviceId, algorithm);
        }
        JWSHeader jwsHeader = key.header(header);
        // written here, not by Payload(Map), which copies into a HashMap and loses the caller's order
        JWSObject jws = new JWSObject(jwsHeader, new Payload(JSONObjectUtils.toJSONString(Claims.checked(claims))));
        try {
            jws.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.stored().kid() + " of service " + serviceId
                    + " failed", e);
        }
        return new SignedJwt(jws.serialize(), key.stored().kid(), algorithm);
    }

    @Override
    public Set<SigningAlgorithm> algorithms(long serviceId) {
        return keys(serviceId).algorithms();
    }

    @Override
    public Optional<VerifiedJwt> verify(long serviceId, String compact) {
        if (compact == null || compact.length() > MAX_COMPACT_LENGTH) {
            return Optional.empty();
        }
        JWSObject jws;
        Optional<SigningAlgorithm> algorithm;
        try {
            jws = JWSObject.parse(compact);
            algorithm = SigningAlgorithm.ofWireName(jws.getHeader().getAlgorithm().getName());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (algorithm.isEmpty()) {
            return Optional.empty();
        }
        KeySetSnapshot keys = keys(serviceId); // outside the catch: a store failure is not bad input
        String kid = jws.getHeader().getKeyID();
        List<ParsedKey> candidates;
        if (kid == null) {
            candidates = keys.published(algorithm.get());
        } else {
            ParsedKey key = keys.published(kid);
            candidates = key == null || key.stored().algorithm() != algorithm.get() ? List.of() : List.of(key);
        }
        for (ParsedKey key : candidates) {
            Optional<VerifiedJwt> verified = verify(jws, key);
            if (verified.isPresent()) {
                return verified;
            }
        }
        return Optional.empty();
    }

    private static Optional<VerifiedJwt> verify(JWSObject jws, ParsedKey key) {
        try {
            if (!jws.verify(key.verifier())) {
                return Optional.empty();
            }
            Map<String, Object> claims = jws.getPayload().toJSONObject();
            if (claims == null) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedJwt(key.stored().kid(), key.stored().algorithm(),
                    jws.getHeader().toJSONObject(), claims));
        } catch (JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The service's published JWK Set (next, current and still-published retired keys) as JSON, public members
     * only; empty when the service has none.
     */
    public Optional<String> publicJwkSet(long serviceId) {
        return Optional.ofNullable(keys(serviceId).publicJwkSet());
    }

    /**
     * The service's published JWK Set with the private members of every key, for its owner's backups; empty when
     * the service has none. Read from the store, never cached.
     */
    public Optional<String> privateJwkSet(long serviceId) {
        List<JWK> keys = new ArrayList<>();
        for (StoredKey stored : store.list(serviceId)) {
            if (stored.publishedAt(clock.instant())) {
                try {
                    keys.add(JWK.parse(stored.privateJwk().reveal()));
                } catch (ParseException e) {
                    LOG.log(System.Logger.Level.WARNING, "skipping the unreadable signing key {0} of service {1}",
                            stored.kid(), serviceId);
                }
            }
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(new JWKSet(keys).toString(false));
    }

    /**
     * Reloads the service's keys after its key set changed through this process, so that the change shows at
     * once; keys whose material did not change keep their parse.
     */
    public void invalidate(long serviceId) {
        try {
            snapshots.asMap().computeIfPresent(serviceId, (id, previous) -> snapshot(id, previous.all()));
        } catch (RuntimeException e) {
            snapshots.invalidate(serviceId); // the store failed: read everything again on next use
            throw e;
        }
    }

    /** Forgets every service's keys, to be read again on next use (changes may have been missed). */
    public void invalidateAll() {
        snapshots.invalidateAll();
    }

    /**
     * The provider each RSA and ECDSA algorithm signs and verifies through (JWK Set imports check pairs with it);
     * waits for its selection if it is not made yet.
     */
    public JoseProvider joseProvider() {
        return jca.join();
    }

    /** The provider selection, complete once it is made (e.g. to publish it as a metric without waiting). */
    public CompletionStage<JoseProvider> joseProviderSelection() {
        return jca.minimalCompletionStage();
    }

    /** How many stored keys have been parsed since start: stays put while keys are only used. */
    public long keysParsed() {
        return keysParsed.get();
    }

    /** The service's keys as published now; rebuilt without a store read when a retired key's time is up. */
    private KeySetSnapshot keys(long serviceId) {
        KeySetSnapshot snapshot = snapshots.get(serviceId);
        if (snapshot.outdatedAt(clock.instant())) {
            KeySetSnapshot current = snapshot.at(clock.instant());
            snapshots.asMap().replace(serviceId, snapshot, current); // unless a reload replaced it meanwhile
            return current;
        }
        return snapshot;
    }

    /** Reads the service's keys and parses those that {@code previous} does not hold parsed already. */
    private KeySetSnapshot snapshot(long serviceId, List<ParsedKey> previous) {
        List<ParsedKey> parsed = new ArrayList<>();
        for (StoredKey stored : store.list(serviceId)) {
            ParsedKey reused = previous.stream().filter(key -> key.sameMaterial(stored)).findFirst().orElse(null);
            if (reused != null) {
                parsed.add(reused.as(stored));
                continue;
            }
            try {
                parsed.add(ParsedKey.parse(stored, joseProvider()));
                keysParsed.incrementAndGet();
            } catch (ParseException | JOSEException | RuntimeException e) {
                // One damaged key must not take the service's other keys with it; the operator replaces it.
                LOG.log(System.Logger.Level.WARNING, "skipping the unreadable signing key {0} of service {1}: {2}",
                        stored.kid(), serviceId, e.getClass().getSimpleName());
            }
        }
        return KeySetSnapshot.of(parsed, clock.instant());
    }
}
