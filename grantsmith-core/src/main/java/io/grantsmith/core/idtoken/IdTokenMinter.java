package io.grantsmith.core.idtoken;

import io.grantsmith.core.authorization.ScopeClaims;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.jose.JwtSigner;
import io.grantsmith.core.jose.NoSigningKeyException;
import io.grantsmith.core.jose.SignedJwt;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.Service;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Mints ID tokens (OpenID Connect Core §2, §3.1.3.6): builds the claims set and signs it through the
 * {@link JwtSigner} port with the service's current key for the client's {@code idTokenSignAlg} (RS256 unless the
 * client registered another; {@code none} is refused, as Authlete does).
 *
 * <ul>
 *   <li>{@code iss}: the service's effective issuer; {@code sub}: the user's subject, pairwise per sector when
 *       the client asked for pairwise identifiers ({@link PairwiseSubjects});</li>
 *   <li>{@code aud}: the client ID (its alias when the client used it), as a one-element array or a bare string
 *       per the service's {@code idTokenAudType}. {@code azp} is not written: §2 needs it only when {@code aud}
 *       names several parties or another party than the client, which never happens here (and Authlete never
 *       writes it either);</li>
 *   <li>{@code exp} = {@code iat} + the service's {@code idTokenDuration}; {@code auth_time} whenever the time
 *       of authentication is known (Authlete writes it whenever the authorization server passed one; §2 requires
 *       it for {@code max_age} and {@code require_auth_time});</li>
 *   <li>{@code nonce}, {@code acr}, {@code amr} when known; {@code at_hash}, {@code c_hash} and {@code s_hash}
 *       over the access token, code and state issued with it, with the hash of the signing algorithm
 *       ({@link SigningAlgorithm#halfHash});</li>
 *   <li>then the user claims of the request, never overriding the claims above.</li>
 * </ul>
 *
 * <p>The header is {@code alg} and {@code kid} of the key, plus the request's extra members; no {@code typ}, as
 * Authlete writes none.</p>
 *
 * <p>Thread-safe; the signature is the only expensive step (keys are parsed once by the signer).</p>
 */
public final class IdTokenMinter {
    private final JwtSigner signer;
    private final PairwiseSubjects subjects;
    private final Clock clock;

    public IdTokenMinter(JwtSigner signer, PairwiseSubjects subjects, Clock clock) {
        this.signer = Objects.requireNonNull(signer, "signer");
        this.subjects = Objects.requireNonNull(subjects, "subjects");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @throws IdTokenException when the client's algorithm is {@code none} or not one this server signs with, the
     *                          service has no current key for it or no issuer, or a pairwise client has no
     *                          sector
     * @throws io.grantsmith.core.spi.StoreException when the keys could not be read
     */
    public MintedIdToken mint(IdTokenRequest request) {
        Service service = request.service();
        Client client = request.client();
        SigningAlgorithm algorithm = algorithmOf(client);
        String issuer = service.authorization().issuer();
        if (issuer == null) {
            throw new IdTokenException(ResultCode.ID_TOKEN_ISSUER_MISSING, service.id());
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(service.authorization().idTokenDuration());

        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subjects.subjectFor(client, request.subject()));
        String audience = request.clientIdAliasUsed() && client.alias() != null ? client.alias()
                : Long.toString(client.id());
        IdTokenAudType audType = request.audType() != null ? request.audType()
                : service.authorization().idTokenAudType();
        claims.put("aud", audType == IdTokenAudType.STRING ? audience : List.of(audience));
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", issuedAt.getEpochSecond());
        if (request.authTime() != null) {
            claims.put("auth_time", request.authTime().getEpochSecond());
        }
        putIfPresent(claims, "nonce", request.nonce());
        putIfPresent(claims, "acr", request.acr());
        if (!request.amr().isEmpty()) {
            claims.put("amr", request.amr());
        }
        if (request.accessToken() != null) {
            claims.put("at_hash", algorithm.halfHash(request.accessToken()));
        }
        if (request.code() != null) {
            claims.put("c_hash", algorithm.halfHash(request.code()));
        }
        if (request.state() != null) {
            claims.put("s_hash", algorithm.halfHash(request.state()));
        }
        request.claims().forEach((name, value) -> {
            if (!ScopeClaims.SET_BY_SERVER.contains(name)) {
                claims.putIfAbsent(name, value);
            }
        });

        SignedJwt jwt;
        try {
            jwt = signer.sign(service.id(), algorithm, request.header(), claims);
        } catch (NoSigningKeyException e) {
            throw new IdTokenException(ResultCode.ID_TOKEN_SIGNING_KEY_MISSING, algorithm.wireName());
        }
        return new MintedIdToken(jwt, claims, expiresAt);
    }

    /**
     * The algorithm ID tokens for {@code client} are signed with: its {@code idTokenSignAlg}.
     *
     * @throws IdTokenException for {@code none} and for algorithms this server does not sign with (symmetric ones
     *                          among them)
     */
    public static SigningAlgorithm algorithmOf(Client client) {
        String name = client.metadata().idTokenSignAlg();
        if ("none".equalsIgnoreCase(name)) { // "NONE" as Authlete's documents name JWSAlg.NONE, "none" on the wire
            throw new IdTokenException(ResultCode.ID_TOKEN_SIGN_ALG_NONE, client.id());
        }
        return SigningAlgorithm.ofWireName(name).orElseThrow(
                () -> new IdTokenException(ResultCode.ID_TOKEN_SIGN_ALG_UNSUPPORTED, name, client.id()));
    }

    private static void putIfPresent(Map<String, Object> claims, String name, String value) {
        if (value != null && !value.isEmpty()) {
            claims.put(name, value);
        }
    }
}
