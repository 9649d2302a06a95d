package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.NoSigningKeyException;
import io.grantsmith.core.jose.SignedJwt;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.jose.VerifiedJwt;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServiceKeyRingTest {
    private static final long SERVICE = 4_711;
    private static final long OTHER_SERVICE = 4_712;

    private final TestKeys.MovingClock clock = new TestKeys.MovingClock();
    private final ServiceKeyStore store = new InMemoryKeys();
    private final ServiceKeyRing ring = new ServiceKeyRing(store, clock, Duration.ofMinutes(10));

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://as.example.com");
        claims.put("sub", "alice");
        claims.put("aud", List.of("client-1"));
        claims.put("exp", 1_800_000_000L);
        claims.put("iat", 1_799_996_400);
        claims.put("email_verified", true);
        claims.put("address", Map.of("country", "NZ"));
        return claims;
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void whenSignedWithEachAlgorithmThenARelyingPartyVerifiesItWithThePublishedJwkSet(SigningAlgorithm algorithm)
            throws Exception {
        JwkPair key = TestKeys.of(algorithm);
        TestKeys.insert(store, SERVICE, key, KeyState.CURRENT, clock.instant());

        SignedJwt signed = ring.sign(SERVICE, algorithm, Map.of("typ", "JWT"), claims());

        assertThat(signed.keyId()).isEqualTo(key.kid());
        assertThat(signed.algorithm()).isEqualTo(algorithm);
        JWKSet published = JWKSet.parse(ring.publicJwkSet(SERVICE).orElseThrow());
        SignedJWT jwt = SignedJWT.parse(signed.compact());
        assertThat(jwt.getHeader().toJSONObject())
                .containsExactlyInAnyOrderEntriesOf(Map.of("alg", algorithm.wireName(), "kid", key.kid(), "typ", "JWT"));
        JWTClaimsSet verified = relyingPartyVerify(jwt, published, algorithm);
        assertThat(verified.getSubject()).isEqualTo("alice");
        assertThat(verified.getAudience()).containsExactly("client-1");
        assertThat(verified.getBooleanClaim("email_verified")).isTrue();
        assertThat(payloadJson(signed.compact()))
                .as("claims are written in the caller's order").startsWith("{\"iss\":\"https://as.example.com\",\"sub\"")
                .contains("\"exp\":1800000000,\"iat\":1799996400");
    }

    @Test
    void theRingIsMadeWithoutWaitingForTheProviderSelectionAndItsFirstSignatureWaitsForIt() throws Exception {
        JwkPair key = TestKeys.of(SigningAlgorithm.ES256);
        TestKeys.insert(store, SERVICE, key, KeyState.CURRENT, clock.instant());
        CompletableFuture<JoseProvider> selection = new CompletableFuture<>(); // not made yet

        ServiceKeyRing waiting = new ServiceKeyRing(store, clock, Duration.ofMinutes(10), selection);

        assertThat(waiting.joseProviderSelection().toCompletableFuture()).isNotDone();
        ExecutorService signer = Executors.newSingleThreadExecutor();
        try {
            Future<SignedJwt> signed = signer.submit(() -> waiting.sign(SERVICE, SigningAlgorithm.ES256, Map.of(),
                    claims()));
            assertThatThrownBy(() -> signed.get(300, TimeUnit.MILLISECONDS))
                    .as("no key is parsed before the provider is selected").isInstanceOf(TimeoutException.class);
            assertThat(waiting.keysParsed()).isZero();
            selection.complete(JoseProvider.jdk());
            assertThat(signed.get(10, TimeUnit.SECONDS).keyId()).isEqualTo(key.kid());
        } finally {
            signer.shutdownNow();
        }
        assertThat(waiting.joseProvider()).isSameAs(JoseProvider.jdk());
        assertThat(waiting.keysParsed()).isEqualTo(1);
        assertThat(ring.verify(SERVICE, waiting.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims()).compact()))
                .isPresent();
    }

    /** What a relying party does: pick the key by kid from the JWK Set and verify (Nimbus's JWT processor). */
    private static JWTClaimsSet relyingPartyVerify(SignedJWT jwt, JWKSet published, SigningAlgorithm algorithm)
            throws Exception {
        if (algorithm == SigningAlgorithm.EdDSA) { // Nimbus's key selector converts to JCA keys, which Ed25519 is not
            JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(jwt.verify(new Ed25519Verifier(key.toOctetKeyPair()))).isTrue();
            return jwt.getJWTClaimsSet();
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm.wireName()),
                new ImmutableJWKSet<>(published)));
        processor.setJWTClaimsSetVerifier((claims, context) -> { }); // the test's exp is fixed; check signatures only
        return processor.process(jwt, null);
    }

    private static String payloadJson(String compact) {
        return new String(Base64.getUrlDecoder().decode(compact.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void whenJwkSetIsPublishedThenEveryKeyIsPublicWithUseAlgAndKid() throws Exception {
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            TestKeys.insert(store, SERVICE, TestKeys.of(algorithm), KeyState.CURRENT, clock.instant());
        }

        String json = ring.publicJwkSet(SERVICE).orElseThrow();

        JWKSet set = JWKSet.parse(json);
        assertThat(set.getKeys()).hasSize(4);
        for (JWK key : set.getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
            assertThat(key.getAlgorithm()).isNotNull();
            assertThat(key.getKeyID()).isNotBlank();
        }
        for (String privateMember : List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"")) {
            assertThat(json).doesNotContain(privateMember);
        }
        assertThat(ring.algorithms(SERVICE)).containsExactlyInAnyOrder(SigningAlgorithm.values());
    }

    @Test
    void whenServiceHasNoKeysThenNothingIsPublishedAndSigningSaysSo() {
        assertThat(ring.publicJwkSet(SERVICE)).isEmpty();
        assertThat(ring.privateJwkSet(SERVICE)).isEmpty();
        assertThat(ring.algorithms(SERVICE)).isEmpty();
        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.RS256, Map.of(), claims()))
                .isInstanceOf(NoSigningKeyException.class)
                .satisfies(e -> assertThat(((NoSigningKeyException) e).algorithm()).isEqualTo(SigningAlgorithm.RS256));
    }

    @Test
    void whenOnlyNextOrRetiredKeysOrOtherAlgorithmsExistThenNoneSigns() {
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.ES256), KeyState.NEXT, clock.instant());
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.EdDSA), KeyState.CURRENT, clock.instant());
        store.apply(SERVICE, List.of(new KeyChange.Transition(TestKeys.of(SigningAlgorithm.EdDSA).kid(),
                KeyState.CURRENT, KeyState.RETIRED, clock.instant(), clock.instant(),
                clock.instant().plus(Duration.ofDays(1)))));
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.RS256), KeyState.CURRENT, clock.instant());

        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims()))
                .as("a next key").isInstanceOf(NoSigningKeyException.class);
        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.EdDSA, Map.of(), claims()))
                .as("a retired key").isInstanceOf(NoSigningKeyException.class);
        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.PS256, Map.of(), claims()))
                .as("an RS256 key does not sign PS256").isInstanceOf(NoSigningKeyException.class);
        assertThat(ring.algorithms(SERVICE)).containsExactly(SigningAlgorithm.RS256);
        assertThat(ring.publicJwkSet(SERVICE).orElseThrow())
                .as("all three are published").contains(TestKeys.of(SigningAlgorithm.ES256).kid(),
                        TestKeys.of(SigningAlgorithm.EdDSA).kid(), TestKeys.of(SigningAlgorithm.RS256).kid());
    }

    @Test
    void whenKeysAreUsedManyTimesThenEachIsParsedOnce() {
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.ES256), KeyState.CURRENT, clock.instant());

        for (int i = 0; i < 10; i++) {
            SignedJwt signed = ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of("typ", "JWT"), claims());
            assertThat(ring.verify(SERVICE, signed.compact())).isPresent();
            assertThat(ring.publicJwkSet(SERVICE)).isPresent();
        }

        assertThat(ring.keysParsed()).isEqualTo(1);
    }

    @Test
    void whenKeySetChangesThenOnlyNewKeyMaterialIsParsedAgain() {
        JwkPair first = TestKeys.of(SigningAlgorithm.ES256);
        JwkPair second = TestKeys.of(SigningAlgorithm.EdDSA);
        TestKeys.insert(store, SERVICE, first, KeyState.CURRENT, clock.instant());
        ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims());
        assertThat(ring.keysParsed()).isEqualTo(1);

        // a rotation-like change: the first key retires (same material), a new one arrives
        store.apply(SERVICE, List.of(
                new KeyChange.Transition(first.kid(), KeyState.CURRENT, KeyState.RETIRED, clock.instant(),
                        clock.instant(), clock.instant().plus(Duration.ofHours(1))),
                new KeyChange.Insert(TestKeys.stored(SERVICE, second, KeyState.CURRENT, clock.instant()))));
        ring.invalidate(SERVICE);
        ring.sign(SERVICE, SigningAlgorithm.EdDSA, Map.of(), claims());

        assertThat(ring.keysParsed()).as("the new key only").isEqualTo(2);
        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims()))
                .isInstanceOf(NoSigningKeyException.class);
    }

    @Test
    void whenRetiredKeysPublicationEndsThenItLeavesTheSetAndNoLongerVerifies() {
        JwkPair key = TestKeys.of(SigningAlgorithm.ES256);
        TestKeys.insert(store, SERVICE, key, KeyState.CURRENT, clock.instant());
        SignedJwt before = ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims());
        store.apply(SERVICE, List.of(new KeyChange.Transition(key.kid(), KeyState.CURRENT, KeyState.RETIRED,
                clock.instant(), clock.instant(), clock.instant().plus(Duration.ofHours(1)))));
        ring.invalidate(SERVICE);

        clock.advance(Duration.ofMinutes(59));
        assertThat(ring.verify(SERVICE, before.compact())).as("still published").isPresent();
        assertThat(ring.publicJwkSet(SERVICE)).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(ring.verify(SERVICE, before.compact())).isEmpty();
        assertThat(ring.publicJwkSet(SERVICE)).isEmpty();
        assertThat(ring.keysParsed()).as("the time-based change re-used the parsed key").isEqualTo(1);
    }

    @Test
    void whenTokenIsVerifiedThenHeaderAndClaimsComeBackAsPlainValues() {
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.RS256), KeyState.CURRENT, clock.instant());
        SignedJwt signed = ring.sign(SERVICE, SigningAlgorithm.RS256, Map.of("typ", "JWT"), claims());

        VerifiedJwt verified = ring.verify(SERVICE, signed.compact()).orElseThrow();

        assertThat(verified.keyId()).isEqualTo(signed.keyId());
        assertThat(verified.algorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(verified.header()).containsEntry("typ", "JWT").containsEntry("alg", "RS256");
        assertThat(verified.claims()).containsEntry("sub", "alice").containsEntry("exp", 1_800_000_000L)
                .containsEntry("aud", List.of("client-1")).containsEntry("address", Map.of("country", "NZ"));
        assertThat(verified.claims().keySet()).startsWith("iss", "sub", "aud", "exp");
    }

    @Test
    void whenInputIsNotOneOfTheServicesTokensThenVerifyAnswersEmptyAndNeverThrows() throws Exception {
        JwkPair key = TestKeys.of(SigningAlgorithm.ES256);
        TestKeys.insert(store, SERVICE, key, KeyState.CURRENT, clock.instant());
        String good = ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims()).compact();
        String[] parts = good.split("\\.");
        String tamperedPayload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"sub\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));
        JWSObject hs256 = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.kid()).build(),
                new Payload("{\"sub\":\"alice\"}"));
        hs256.sign(new MACSigner(new byte[32]));
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        String arrayPayload = ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(), claims()).compact();

        List<String> garbage = List.of("", "a.b.c", "....", "not a token", parts[0] + "." + tamperedPayload + "." + parts[2],
                parts[0] + "." + parts[1] + "." + parts[2].substring(3), hs256.serialize(), unsigned,
                "x".repeat(ServiceKeyRing.MAX_COMPACT_LENGTH + 1), good + "." + good,
                new String(new char[] {'\uD800', '.', '\u0000', '.', '\u00ff'}));
        for (String input : garbage) {
            assertThat(ring.verify(SERVICE, input)).as(input.length() > 60 ? input.substring(0, 60) : input).isEmpty();
        }
        assertThat(ring.verify(SERVICE, null)).isEmpty();
        assertThat(ring.verify(OTHER_SERVICE, good)).as("another service's token").isEmpty();
        assertThat(ring.verify(SERVICE, good)).isPresent();
        assertThat(ring.verify(SERVICE, arrayPayload)).isPresent();
    }

    @Test
    void whenTokenHasNoKidThenThePublishedKeysOfItsAlgorithmAreTried() throws Exception {
        JwkPair key = TestKeys.of(SigningAlgorithm.ES256);
        TestKeys.insert(store, SERVICE, key, KeyState.CURRENT, clock.instant());
        JWSObject withoutKid = new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload("{\"sub\":\"alice\"}"));
        withoutKid.sign(new com.nimbusds.jose.crypto.ECDSASigner(JWK.parse(key.privateJwk().reveal()).toECKey()));

        Optional<VerifiedJwt> verified = ring.verify(SERVICE, withoutKid.serialize());

        assertThat(verified).isPresent();
        assertThat(verified.get().keyId()).isEqualTo(key.kid());
    }

    @Test
    void whenHeaderSetsAlgOrKidOrClaimsHoldObjectsThenSigningRefuses() {
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.ES256), KeyState.CURRENT, clock.instant());

        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of("alg", "none"), claims()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of("kid", "other"), claims()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ring.sign(SERVICE, SigningAlgorithm.ES256, Map.of(),
                Map.of("exp", Instant.now()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whenPrivateJwkSetIsAskedForThenItHoldsThePrivateKeys() throws Exception {
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.ES256), KeyState.CURRENT, clock.instant());

        JWKSet set = JWKSet.parse(ring.privateJwkSet(SERVICE).orElseThrow());

        assertThat(set.getKeys()).singleElement().satisfies(key -> assertThat(key.isPrivate()).isTrue());
    }

    @Test
    void whenKeysChangeElsewhereThenTheRingPicksThemUpWithinItsTtlWithoutAnInvalidation() throws Exception {
        ServiceKeyRing quick = new ServiceKeyRing(store, clock, Duration.ofMillis(20));
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.ES256), KeyState.CURRENT, clock.instant());
        assertThat(quick.algorithms(SERVICE)).containsExactly(SigningAlgorithm.ES256);

        // another process (a node, the offline CLI) adds a key: nobody tells this ring
        TestKeys.insert(store, SERVICE, TestKeys.of(SigningAlgorithm.EdDSA), KeyState.CURRENT, clock.instant());

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (quick.algorithms(SERVICE).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10); // polling for a background reload, bounded; not a timing assertion
        }
        assertThat(quick.algorithms(SERVICE)).containsExactlyInAnyOrder(SigningAlgorithm.ES256, SigningAlgorithm.EdDSA);
        assertThat(quick.keysParsed()).as("the unchanged key kept its parse").isEqualTo(2);
    }
}
