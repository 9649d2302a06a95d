package io.grantsmith.core.jose;

import java.util.Map;
import java.util.Set;

/**
 * Signs JWTs with a service's keys (a port: the {@code grantsmith-jose} module implements it). Keys are parsed
 * once, when the service's key set is loaded or changes, never per call: implementations keep the parsed keys
 * and signers, so a call costs the signature and the encoding only.
 */
public interface JwtSigner {
    /**
     * Signs {@code claims} with the service's {@link KeyState#CURRENT} key for {@code algorithm} and returns the
     * compact serialisation.
     *
     * @param header members to add to the JOSE header, e.g. {@code typ}; {@code alg} and {@code kid} are set
     *               from the key and must not be given
     * @param claims the payload: plain Java values ({@code String}, {@code Long}/{@code Integer},
     *               {@code Boolean}, {@code List}, {@code Map}), written in the map's iteration order
     *               (use a {@code LinkedHashMap} for a predictable order)
     * @throws NoSigningKeyException when the service has no current key for {@code algorithm}
     * @throws IllegalArgumentException when {@code header} sets {@code alg} or {@code kid}, or a value cannot
     *                                  be written as JSON
     * @throws io.grantsmith.core.spi.StoreException when the keys could not be read
     */
    SignedJwt sign(long serviceId, SigningAlgorithm algorithm, Map<String, ?> header, Map<String, ?> claims);

    /**
     * The algorithms the service can sign with now (it has a current key for them), e.g. for discovery's
     * {@code id_token_signing_alg_values_supported}; empty for a service without keys or an unknown service.
     */
    Set<SigningAlgorithm> algorithms(long serviceId);
}
