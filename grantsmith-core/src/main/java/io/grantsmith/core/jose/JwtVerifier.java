package io.grantsmith.core.jose;

import java.util.Optional;

/**
 * Verifies JWTs that a service signed itself, such as an {@code id_token_hint} (a port: the
 * {@code grantsmith-jose} module implements it). Any key the service publishes (next, current, or retired and
 * still published) verifies; the header's {@code alg} must be that key's algorithm.
 */
public interface JwtVerifier {
    /**
     * The header and claims of {@code compact} when its signature verifies with one of the service's published
     * keys; empty for anything else: malformed or oversized input, {@code alg: none}, an unknown {@code kid}, a
     * wrong signature, a payload that is not a JSON object, an unknown service. Never throws for bad input.
     * Checks the signature only: {@code exp}, {@code iss}, {@code aud} and the like are the caller's to judge
     * (an expired {@code id_token_hint} is still a valid hint).
     *
     * @throws io.grantsmith.core.spi.StoreException when the keys could not be read
     */
    Optional<VerifiedJwt> verify(long serviceId, String compact);
}
