package io.grantsmith.facade.access;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.grantsmith.core.log.RepeatedFailures;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.StoredService;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks API credentials. v3 calls present a Bearer token: the admin token (any service) or a service's API
 * secret (that service only). v2 calls present the service's API key and secret with HTTP Basic. Presented
 * values are hashed and compared in constant time with stored hashes; nothing presented is kept or logged.
 *
 * <p>The stored hashes are cached for {@code recheck} only (seconds), not for the directory's TTL: a credential
 * replaced by another process (the offline {@code admin reset-token} or {@code service rotate-secret} beside a
 * running server) is refused, and its successor accepted, within that time. Changes made through this process
 * apply at once ({@link #serviceSecretChanged}, {@link #adminTokenChanged}).
 *
 * <p>A stored hash that cannot be read (the database is away) fails the call with a clean {@code 500 A001101}: an
 * expected outcome of an outage, logged once per kind and minute, not a stack trace per call.
 */
public final class ApiAccess {
    private static final Logger LOG = LoggerFactory.getLogger(ApiAccess.class);

    private final RepeatedFailures failures = RepeatedFailures.perMinute();
    private final TokenHash configuredAdmin;
    private final LoadingCache<Long, Optional<TokenHash>> serviceSecrets;
    private final LoadingCache<Boolean, Optional<TokenHash>> storedAdmin;

    /**
     * @param configuredAdmin the hash of the configured admin token, or null to use the stored one
     * @param recheck         how long a stored hash is trusted before it is read again
     */
    public ApiAccess(ServiceRegistry services, SettingsStore settings, TokenHash configuredAdmin, Duration recheck) {
        this.configuredAdmin = configuredAdmin;
        this.serviceSecrets = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(recheck)
                .build(id -> services.find(id).map(StoredService::apiSecretHash));
        this.storedAdmin = Caffeine.newBuilder().maximumSize(1).expireAfterWrite(recheck)
                .build(key -> AdminToken.stored(settings));
    }

    /**
     * The caller a Bearer token identifies, for a call on {@code serviceId} (null for calls that name no
     * service, which only the administrator may make). A service's secret is valid for that service only.
     *
     * @throws ApiFailure 401 when the token is not valid for that call
     */
    public Caller bearer(String token, Long serviceId) {
        TokenHash presented = TokenHasher.hash(token);
        if (isAdmin(presented)) {
            return Caller.ADMIN;
        }
        if (serviceId != null && matchesServiceSecret(serviceId, presented)) {
            return Caller.service(serviceId);
        }
        throw new ApiFailure(ApiResultCode.CREDENTIALS_INVALID);
    }

    /**
     * The service an API key and secret identify (API v2).
     *
     * @throws ApiFailure 401 when they do not match
     */
    public Caller keyAndSecret(String apiKey, String apiSecret) {
        long serviceId;
        try {
            serviceId = Long.parseLong(apiKey);
        } catch (NumberFormatException e) {
            throw new ApiFailure(ApiResultCode.CREDENTIALS_INVALID);
        }
        if (!matchesServiceSecret(serviceId, TokenHasher.hash(apiSecret))) {
            throw new ApiFailure(ApiResultCode.CREDENTIALS_INVALID);
        }
        return Caller.service(serviceId);
    }

    /** The service's API secret was replaced or the service deleted here: check its next call against the store. */
    public void serviceSecretChanged(long serviceId) {
        serviceSecrets.invalidate(serviceId);
    }

    /**
     * Any stored secret may have been replaced unheard (another node's change notices were lost while this node was
     * not listening): check every next call against the store.
     */
    public void everySecretMayHaveChanged() {
        serviceSecrets.invalidateAll();
        storedAdmin.invalidateAll();
    }

    /** The stored admin token was replaced here: check the next call against the store. */
    public void adminTokenChanged() {
        storedAdmin.invalidateAll();
    }

    private boolean isAdmin(TokenHash presented) {
        if (configuredAdmin != null) {
            return sameHash(presented, configuredAdmin);
        }
        Optional<TokenHash> stored = stored(() -> storedAdmin.get(Boolean.TRUE));
        return stored.isPresent() && sameHash(presented, stored.get());
    }

    private boolean matchesServiceSecret(long serviceId, TokenHash presented) {
        Optional<TokenHash> secret = stored(() -> serviceSecrets.get(serviceId));
        return secret.isPresent() && sameHash(presented, secret.get());
    }

    /**
     * A stored hash, read through its cache.
     *
     * @throws ApiFailure 500 when the store cannot be read
     */
    private Optional<TokenHash> stored(Supplier<Optional<TokenHash>> read) {
        try {
            return read.get();
        } catch (StoreException e) {
            failures.record(RepeatedFailures.signatureOf(e)).ifPresent(unlogged -> LOG.error(
                    "API credentials could not be read from the store, calls are answered 500 A001101{}",
                    unlogged == 0 ? "" : " (" + unlogged + " more like it since it was last logged)", e));
            throw new ApiFailure(ApiResultCode.SERVER_ERROR);
        }
    }

    private static boolean sameHash(TokenHash a, TokenHash b) {
        return MessageDigest.isEqual(a.bytes(), b.bytes());
    }
}
