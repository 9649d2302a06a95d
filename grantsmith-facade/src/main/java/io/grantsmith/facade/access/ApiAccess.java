package io.grantsmith.facade.access;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.token.TokenHasher;
import io.grantsmith.facade.manage.Directory;
import io.grantsmith.facade.manage.ServiceEntry;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Checks API credentials. v3 calls present a Bearer token: the admin token (any service) or a service's API
 * secret (that service only). v2 calls present the service's API key and secret with HTTP Basic. Presented
 * values are hashed and compared in constant time with stored hashes; nothing presented is kept or logged.
 */
public final class ApiAccess {
    private final Directory directory;
    private final TokenHash adminTokenHash;

    public ApiAccess(Directory directory, TokenHash adminTokenHash) {
        this.directory = directory;
        this.adminTokenHash = adminTokenHash;
    }

    /**
     * The caller a Bearer token identifies, for a call on {@code serviceId} (null for calls that name no
     * service, which only the administrator may make). A service's secret is valid for that service only.
     *
     * @throws ApiFailure 401 when the token is not valid for that call
     */
    public Caller bearer(String token, Long serviceId) {
        TokenHash presented = TokenHasher.hash(token);
        if (sameHash(presented, adminTokenHash)) {
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

    private boolean matchesServiceSecret(long serviceId, TokenHash presented) {
        Optional<ServiceEntry> entry = directory.serviceEntry(serviceId);
        return entry.isPresent() && sameHash(presented, entry.get().apiSecretHash());
    }

    private static boolean sameHash(TokenHash a, TokenHash b) {
        return MessageDigest.isEqual(a.bytes(), b.bytes());
    }
}
