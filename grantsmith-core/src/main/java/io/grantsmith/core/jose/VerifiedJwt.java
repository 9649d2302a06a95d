package io.grantsmith.core.jose;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A JWT whose signature verified. Values are plain Java values: {@code String}, {@code Long} for integers,
 * {@code Double} for other numbers, {@code Boolean}, {@code List}, {@code Map}.
 *
 * @param keyId     the {@code kid} of the service key that verified it
 * @param algorithm its {@code alg}
 * @param header    the JOSE header members
 * @param claims    the claims, in the order they appear
 */
public record VerifiedJwt(String keyId, SigningAlgorithm algorithm, Map<String, Object> header,
        Map<String, Object> claims) {
    public VerifiedJwt {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header)); // JSON null members are kept
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
    }
}
