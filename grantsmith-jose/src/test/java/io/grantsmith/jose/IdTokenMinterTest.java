package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.grantsmith.api.types.SubjectType;
import io.grantsmith.core.authorization.ClaimRequest;
import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.idtoken.IdTokenException;
import io.grantsmith.core.idtoken.IdTokenIssuer;
import io.grantsmith.core.idtoken.IdTokenMinter;
import io.grantsmith.core.idtoken.IdTokenRequest;
import io.grantsmith.core.idtoken.MintedIdToken;
import io.grantsmith.core.idtoken.PairwiseSubjects;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ClientMetadata;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ID tokens from core's minter, signed by this module's key ring and checked the way a relying party checks them. */
class IdTokenMinterTest {
    private static final long SERVICE = 9_001;
    private static final String ISSUER = "https://login.example.com/as/9001";
    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final TestKeys.MovingClock clock = new TestKeys.MovingClock();
    private final InMemoryKeys store = new InMemoryKeys();
    private final ServiceKeyRing ring = new ServiceKeyRing(store, clock, Duration.ofMinutes(10));
    private final IdTokenMinter minter = new IdTokenMinter(ring, new PairwiseSubjects(SECRET), clock);

    private static Service service(AuthorizationSettings.Builder settings) {
        return Service.builder(SERVICE).authorization(settings.issuer(ISSUER).build()).build();
    }

    private static Service service() {
        return service(AuthorizationSettings.builder().idTokenDuration(Duration.ofMinutes(30)));
    }

    private static Client client(ClientMetadata.Builder metadata) {
        return Client.builder(SERVICE, 1234).alias("my-app", true).metadata(metadata.build()).build();
    }

    private static Client client(SigningAlgorithm algorithm) {
        return client(ClientMetadata.builder().idTokenSignAlg(algorithm.wireName())
                .redirectUris(List.of("https://app.example.com/cb")));
    }

    private void keys(SigningAlgorithm algorithm) {
        TestKeys.insert(store, SERVICE, TestKeys.of(algorithm), KeyState.CURRENT, clock.instant());
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"RS256", "ES256", "EdDSA"})
    void whenMintedThenARelyingPartyVerifiesTheSignatureAndEveryClaim(SigningAlgorithm algorithm) throws Exception {
        keys(algorithm);
        Instant authTime = clock.instant().minusSeconds(42);
        String accessToken = "2YotnFZFEjr1zCsicMWpAA";

        MintedIdToken token = minter.mint(IdTokenRequest.builder(service(), client(algorithm), "alice")
                .authTime(authTime).nonce("n-0S6_WzA2Mj").acr("urn:mace:incommon:iap:silver").amr(List.of("pwd"))
                .accessToken(accessToken).code("SplxlOBeZQQYbYS6WxSbIA").state("af0ifjsldkj")
                .claims(Map.of("name", "Alice Liddell", "email_verified", true))
                .build());

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.wireName());
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(TestKeys.of(algorithm).kid());
        JWTClaimsSet claims = verify(jwt, JWKSet.parse(ring.publicJwkSet(SERVICE).orElseThrow()), algorithm);
        long now = clock.instant().getEpochSecond();
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getAudience()).containsExactly("1234");
        assertThat(payload(token)).as("Authlete's default aud type is an array").contains("\"aud\":[\"1234\"]");
        assertThat(claims.getIssueTime().toInstant().getEpochSecond()).isEqualTo(now);
        assertThat(claims.getExpirationTime().toInstant().getEpochSecond()).isEqualTo(now + 1800);
        assertThat(claims.getLongClaim("auth_time")).isEqualTo(authTime.getEpochSecond());
        assertThat(claims.getStringClaim("nonce")).isEqualTo("n-0S6_WzA2Mj");
        assertThat(claims.getStringClaim("acr")).isEqualTo("urn:mace:incommon:iap:silver");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getStringClaim("at_hash")).isEqualTo(halfHash(algorithm, accessToken));
        assertThat(claims.getStringClaim("c_hash")).isEqualTo(halfHash(algorithm, "SplxlOBeZQQYbYS6WxSbIA"));
        assertThat(claims.getStringClaim("s_hash")).isEqualTo(halfHash(algorithm, "af0ifjsldkj"));
        assertThat(claims.getStringClaim("name")).isEqualTo("Alice Liddell");
        assertThat(claims.getBooleanClaim("email_verified")).isTrue();
        assertThat(claims.getClaims()).doesNotContainKey("azp");
        assertThat(token.expiresAt().getEpochSecond()).isEqualTo(now + 1800);
        assertThat(token.claims()).containsOnlyKeys(claims.getClaims().keySet());
    }

    /** OpenID Connect Core §3.1.3.6's own example: at_hash of this access token under RS256. */
    @Test
    void whenAccessTokenIsTheSpecsExampleThenAtHashIsTheSpecsValue() throws Exception {
        keys(SigningAlgorithm.RS256);
        MintedIdToken token = minter.mint(IdTokenRequest.builder(service(), client(SigningAlgorithm.RS256), "alice")
                .accessToken("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y").build());

        assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getStringClaim("at_hash"))
                .isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void whenNothingOptionalIsKnownThenOnlyTheRequiredClaimsAreWritten() throws Exception {
        keys(SigningAlgorithm.RS256);
        MintedIdToken token = minter.mint(IdTokenRequest.builder(service(), client(SigningAlgorithm.RS256), "alice")
                .build());

        assertThat(SignedJWT.parse(token.value()).getJWTClaimsSet().getClaims())
                .as("nonce must be absent when none was sent (oauth4webapi rejects it otherwise)")
                .containsOnlyKeys("iss", "sub", "aud", "exp", "iat");
    }

    @Test
    void whenServiceAsksForStringAudienceAndClientUsedItsAliasThenAudIsTheBareAlias() throws Exception {
        keys(SigningAlgorithm.RS256);
        Service service = service(AuthorizationSettings.builder().idTokenAudType(IdTokenAudType.STRING));
        MintedIdToken token = minter.mint(IdTokenRequest.builder(service, client(SigningAlgorithm.RS256), "alice")
                .clientIdAliasUsed(true).build());

        assertThat(payload(token)).contains("\"aud\":\"my-app\"");
    }

    @Test
    void whenRequestOverridesTheAudTypeAndAddsHeaderMembersThenTheTokenHasThem() throws Exception {
        keys(SigningAlgorithm.ES256);
        MintedIdToken token = minter.mint(IdTokenRequest.builder(service(), client(SigningAlgorithm.ES256), "alice")
                .audType(IdTokenAudType.STRING).header(Map.of("typ", "JWT", "extra_key", "extra_value")).build());

        assertThat(payload(token)).contains("\"aud\":\"1234\"");
        assertThat(SignedJWT.parse(token.value()).getHeader().toJSONObject()).containsEntry("typ", "JWT")
                .containsEntry("extra_key", "extra_value").containsEntry("alg", "ES256");
        assertThatThrownBy(() -> IdTokenRequest.builder(service(), client(SigningAlgorithm.ES256), "alice")
                .header(Map.of("kid", "mine")).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenUserClaimsNameServerClaimsThenTheServersValuesWin() throws Exception {
        keys(SigningAlgorithm.RS256);
        MintedIdToken token = minter.mint(IdTokenRequest.builder(service(), client(SigningAlgorithm.RS256), "alice")
                .claims(Map.of("sub", "mallory", "iss", "https://evil.example", "nonce", "forged", "email", "a@x"))
                .build());

        JWTClaimsSet claims = SignedJWT.parse(token.value()).getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getClaims()).doesNotContainKey("nonce").containsEntry("email", "a@x");
    }

    @Test
    void whenClientIsPairwiseThenSubDiffersPerSectorAndIsStableWithinOne() throws Exception {
        keys(SigningAlgorithm.RS256);
        Client sectorA = client(ClientMetadata.builder().subjectType(SubjectType.PAIRWISE)
                .redirectUris(List.of("https://a.example.com/cb", "https://A.example.com/other")));
        Client sectorAViaUri = client(ClientMetadata.builder().subjectType(SubjectType.PAIRWISE)
                .sectorIdentifierUri("https://a.example.com/sector.json")
                .redirectUris(List.of("https://b.example.com/cb", "https://c.example.com/cb")));
        Client sectorB = client(ClientMetadata.builder().subjectType(SubjectType.PAIRWISE)
                .redirectUris(List.of("https://b.example.com/cb")));

        String a = sub(sectorA, "alice");
        assertThat(a).isNotEqualTo("alice").matches("[A-Za-z0-9_-]{43}");
        assertThat(sub(sectorAViaUri, "alice")).isEqualTo(a);
        assertThat(sub(sectorB, "alice")).isNotEqualTo(a);
        assertThat(sub(sectorA, "bob")).isNotEqualTo(a);
        PairwiseSubjects otherDeployment = new PairwiseSubjects("another secret of thirty-two bytes!"
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(otherDeployment.subjectFor(sectorA, "alice")).isNotEqualTo(a);
    }

    @Test
    void whenPairwiseClientHasNoSingleSectorThenMintingIsRefused() {
        keys(SigningAlgorithm.RS256);
        Client severalHosts = client(ClientMetadata.builder().subjectType(SubjectType.PAIRWISE)
                .redirectUris(List.of("https://a.example.com/cb", "https://b.example.com/cb")));

        assertThatThrownBy(() -> sub(severalHosts, "alice")).isInstanceOfSatisfying(IdTokenException.class,
                e -> {
                    assertThat(e.result().code().code()).isEqualTo("A046392");
                    assertThat(e.serverSide()).isFalse();
                });
    }

    @Test
    void whenClientAsksForNoneOrAnAlgorithmWithoutSupportThenMintingIsRefused() {
        keys(SigningAlgorithm.RS256);
        Client none = client(ClientMetadata.builder().idTokenSignAlg("none"));
        Client noneConstant = client(ClientMetadata.builder().idTokenSignAlg("NONE"));
        Client hs256 = client(ClientMetadata.builder().idTokenSignAlg("HS256"));

        assertThatThrownBy(() -> minter.mint(IdTokenRequest.builder(service(), none, "alice").build()))
                .isInstanceOfSatisfying(IdTokenException.class,
                        e -> assertThat(e.result().code().code()).isEqualTo("A046301"));
        assertThatThrownBy(() -> minter.mint(IdTokenRequest.builder(service(), noneConstant, "alice").build()))
                .isInstanceOfSatisfying(IdTokenException.class,
                        e -> assertThat(e.result().code().code()).isEqualTo("A046301"));
        assertThatThrownBy(() -> minter.mint(IdTokenRequest.builder(service(), hs256, "alice").build()))
                .isInstanceOfSatisfying(IdTokenException.class,
                        e -> assertThat(e.result().formatted()).isEqualTo("[A046391] The ID token signing algorithm "
                                + "'HS256' of the client (ID = 1234) is not supported by this server."));
    }

    @Test
    void whenServiceHasNoKeyForTheAlgorithmOrNoIssuerThenTheServiceIsAtFault() {
        keys(SigningAlgorithm.RS256);
        Service noIssuer = Service.builder(SERVICE).build();

        assertThatThrownBy(() -> minter.mint(IdTokenRequest.builder(service(), client(SigningAlgorithm.ES256), "a")
                .build())).isInstanceOfSatisfying(IdTokenException.class, e -> {
                    assertThat(e.result().formatted())
                            .isEqualTo("[A046201] The service has no current ES256 key to sign the ID token with.");
                    assertThat(e.serverSide()).isTrue();
                });
        assertThatThrownBy(() -> minter.mint(IdTokenRequest.builder(noIssuer, client(SigningAlgorithm.RS256), "a")
                .build())).isInstanceOfSatisfying(IdTokenException.class,
                        e -> assertThat(e.result().code().code()).isEqualTo("A046291"));
    }

    @Test
    void whenIssuerIsAskedWithoutOpenidThenNoIdTokenIsIssued() {
        keys(SigningAlgorithm.RS256);
        IdTokenIssuer issuer = new IdTokenIssuer(minter, (serviceId, subject) -> Map.of("name", "Alice"));

        Optional<MintedIdToken> token = issuer.issue(IdTokenRequest.builder(service(), client(SigningAlgorithm.RS256),
                "alice").build(), Scopes.of("profile"), ClaimsRequest.NONE, true, null);

        assertThat(token).isEmpty();
    }

    @Test
    void whenIssuerPicksClaimsThenScopesAndTheClaimsParameterDecideAndTheDirectoryFillsThem() throws Exception {
        keys(SigningAlgorithm.RS256);
        Map<String, Object> alice = Map.of("name", "Alice", "email", "alice@example.com", "email_verified", true,
                "phone_number", "+64 21 000", "locale", "en-NZ");
        IdTokenIssuer issuer = new IdTokenIssuer(minter, (serviceId, subject) ->
                serviceId == SERVICE && subject.equals("alice") ? alice : Map.of());
        ClaimsRequest asksForPhone = new ClaimsRequest(true, Map.of("phone_number", ClaimRequest.VOLUNTARY),
                Map.of("locale", ClaimRequest.VOLUNTARY));
        IdTokenRequest token = IdTokenRequest.builder(service(), client(SigningAlgorithm.RS256), "alice").build();

        JWTClaimsSet both = claims(issuer.issue(token, Scopes.of("openid", "email"), asksForPhone, true, null));
        assertThat(both.getClaims()).containsEntry("email", "alice@example.com").containsEntry("email_verified", true)
                .containsEntry("phone_number", "+64 21 000").doesNotContainKeys("name", "locale");

        Service restrictive = service(AuthorizationSettings.builder().claimShortcutRestrictive(true));
        IdTokenRequest strict = IdTokenRequest.builder(restrictive, client(SigningAlgorithm.RS256), "alice").build();
        JWTClaimsSet withAccessToken = claims(issuer.issue(strict, Scopes.of("openid", "email"), asksForPhone, true,
                null));
        assertThat(withAccessToken.getClaims()).as("§5.4: scope claims go to userinfo when an access token is issued")
                .containsKey("phone_number").doesNotContainKeys("email", "email_verified");
        JWTClaimsSet withoutAccessToken = claims(issuer.issue(strict, Scopes.of("openid", "email"), ClaimsRequest.NONE,
                false, null));
        assertThat(withoutAccessToken.getClaims()).containsKeys("email", "email_verified");

        JWTClaimsSet given = claims(issuer.issue(token, Scopes.of("openid", "profile"), ClaimsRequest.NONE, true,
                Map.of("name", "Given By The AS", "nickname", "al", "unasked", "x")));
        assertThat(given.getClaims()).containsEntry("name", "Given By The AS").containsEntry("nickname", "al")
                .doesNotContainKey("unasked");
    }

    private static String payload(MintedIdToken token) {
        return new String(Base64.getUrlDecoder().decode(token.value().split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private String sub(Client client, String subject) throws Exception {
        MintedIdToken token = minter.mint(IdTokenRequest.builder(service(), client, subject).build());
        return SignedJWT.parse(token.value()).getJWTClaimsSet().getSubject();
    }

    private static JWTClaimsSet claims(Optional<MintedIdToken> token) throws Exception {
        return SignedJWT.parse(token.orElseThrow().value()).getJWTClaimsSet();
    }

    /** The hash computed here, independently of core's: base64url of the left half of SHA-256 (SHA-512 for EdDSA). */
    private static String halfHash(SigningAlgorithm algorithm, String value) throws Exception {
        byte[] digest = MessageDigest.getInstance(algorithm == SigningAlgorithm.EdDSA ? "SHA-512" : "SHA-256")
                .digest(value.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, digest.length / 2));
    }

    private static JWTClaimsSet verify(SignedJWT jwt, JWKSet published, SigningAlgorithm algorithm) throws Exception {
        if (algorithm == SigningAlgorithm.EdDSA) {
            JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.verify(new Ed25519Verifier(key.toOctetKeyPair()))).isTrue();
            return jwt.getJWTClaimsSet();
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm.wireName()),
                new ImmutableJWKSet<>(published)));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the test clock is in the past: signature only
        return processor.process(jwt, null);
    }
}
