package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.jose.VerifiedJwt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class JoseProviderTest {
    private static final String ACCP = "AmazonCorrettoCryptoProvider";
    private static final byte[] INPUT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9".getBytes(StandardCharsets.US_ASCII);
    private static final Map<JWSAlgorithm, KeyPair> KEYS = new ConcurrentHashMap<>();

    private final JoseProvider auto = JoseProvider.of(JoseProvider.Mode.AUTO);
    private final JoseProvider jdk = JoseProvider.of(JoseProvider.Mode.JDK);

    static Iterable<JWSAlgorithm> algorithms() {
        return NativeJca.CANDIDATES;
    }

    /** A JDK key pair per algorithm, as a parsed JWK gives it (RSA keys are shared by RS and PS). */
    private static KeyPair jdkKeys(JWSAlgorithm algorithm) {
        boolean rsa = JWSAlgorithm.Family.RSA.contains(algorithm);
        return KEYS.computeIfAbsent(rsa ? JWSAlgorithm.RS256 : algorithm, alg -> {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC");
                if (rsa) {
                    generator.initialize(2048);
                } else {
                    generator.initialize(new ECGenParameterSpec(Curve.forJWSAlgorithm(alg).iterator().next().getStdName()));
                }
                return generator.generateKeyPair();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void autoPicksTheNativeProviderForEveryRsaAndEcdsaAlgorithmOnX8664Linux() {
        // CI is x86_64 glibc Linux: there a silent fall-back to the JDK fails this test (NativeHost)
        assumeTrue(NativeHost.required(), "ACCP ships for x86_64 Linux only");
        for (JWSAlgorithm algorithm : NativeJca.CANDIDATES) {
            assertThat(auto.isNative(algorithm)).as(algorithm + " with " + auto).isTrue();
        }
        assertThat(auto.isNative(JWSAlgorithm.EdDSA)).as("EdDSA stays with Tink").isFalse();
        assertThat(JoseProvider.of(JoseProvider.Mode.AUTO)).as("loaded and self-tested once").isSameAs(auto);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void nativeSignaturesVerifyWithTheJdkAndTheJdksVerifyNatively(JWSAlgorithm algorithm) throws Exception {
        assumeTrue(NativeHost.required(), "ACCP ships for x86_64 Linux only");
        KeyPair keys = jdkKeys(algorithm);
        JWSHeader header = new JWSHeader(algorithm);
        JWSSigner nativeSigner = Jwks.jcaSigner(keys.getPrivate(), algorithm, auto);
        JWSVerifier nativeVerifier = Jwks.jcaVerifier(keys.getPublic(), algorithm, auto);
        JWSSigner jdkSigner = Jwks.jcaSigner(keys.getPrivate(), algorithm, jdk);
        JWSVerifier jdkVerifier = Jwks.jcaVerifier(keys.getPublic(), algorithm, jdk);
        assertThat(nativeSigner.getJCAContext().getProvider().getName()).isEqualTo(ACCP);
        assertThat(nativeVerifier.getJCAContext().getProvider().getName()).isEqualTo(ACCP);

        Base64URL nativeSignature = nativeSigner.sign(header, INPUT);
        Base64URL jdkSignature = jdkSigner.sign(header, INPUT);

        assertThat(jdkVerifier.verify(header, INPUT, nativeSignature)).as("native -> JDK").isTrue();
        assertThat(nativeVerifier.verify(header, INPUT, jdkSignature)).as("JDK -> native").isTrue();
        byte[] other = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ".getBytes(StandardCharsets.US_ASCII);
        assertThat(jdkVerifier.verify(header, other, nativeSignature)).as("bound to its input").isFalse();
        assertThat(nativeVerifier.verify(header, other, jdkSignature)).as("bound to its input").isFalse();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void forcedJdkUsesNoNativeProviderAndStillSignsAndVerifies(JWSAlgorithm algorithm) throws Exception {
        KeyPair keys = jdkKeys(algorithm);
        JWSHeader header = new JWSHeader(algorithm);
        JWSSigner signer = Jwks.jcaSigner(keys.getPrivate(), algorithm, jdk);
        JWSVerifier verifier = Jwks.jcaVerifier(keys.getPublic(), algorithm, jdk);

        assertThat(jdk.isNative(algorithm)).isFalse();
        assertThat(signer.getJCAContext().getProvider()).as("Nimbus's default: the JDK's").isNull();
        assertThat(verifier.getJCAContext().getProvider()).isNull();
        assertThat(verifier.verify(header, INPUT, signer.sign(header, INPUT))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(JoseProvider.Mode.class)
    void aKeyRingSignsAndVerifiesWithEitherSetting(JoseProvider.Mode mode) {
        InMemoryKeys store = new InMemoryKeys();
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            TestKeys.insert(store, 1, TestKeys.of(algorithm), KeyState.CURRENT, Instant.now());
        }
        ServiceKeyRing ring = new ServiceKeyRing(store, Clock.systemUTC(), Duration.ofMinutes(10),
                JoseProvider.of(mode));
        ServiceKeyRing jdkRing = new ServiceKeyRing(store, Clock.systemUTC(), Duration.ofMinutes(10), jdk);

        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            String jwt = ring.sign(1, algorithm, Map.of("typ", "JWT"), Map.of("sub", "alice")).compact();
            VerifiedJwt verified = jdkRing.verify(1, jwt).orElseThrow();
            assertThat(verified.claims()).as(algorithm.wireName()).containsEntry("sub", "alice");
            assertThat(ring.verify(1, jdkRing.sign(1, algorithm, Map.of(), Map.of("sub", "bob")).compact()))
                    .as(algorithm.wireName()).isPresent();
        }
    }

    @Test
    void aProviderThatCannotSignAnAlgorithmFailsItsSelfTest() {
        // the JDK's RSA provider has no ECDSA: this is how an algorithm ACCP lacks falls back to the JDK
        assertThatThrownBy(() -> NativeJca.selfTest(Security.getProvider("SunRsaSign"), JWSAlgorithm.ES256,
                new HashMap<>()))
                .isInstanceOfAny(JOSEException.class, java.security.GeneralSecurityException.class);
    }

    @Test
    void aNativeLibraryThatDoesNotLoadLeavesTheJdkWithOneWarning() {
        JoseLog.Captured<JoseProvider> selected = JoseLog.warnings(() -> NativeJca.select(() -> {
            throw new UnsatisfiedLinkError("no amazonCorrettoCryptoProvider in java.library.path");
        }));

        assertThat(selected.value()).isSameAs(JoseProvider.jdk());
        assertThat(selected.warnings()).singleElement().asString().contains("UnsatisfiedLinkError")
                .contains("use the JDK");
    }

    @Test
    void theSelectionIsMadeOnAThreadOfItsOwnAndWhoeverAsksGetsItOnceMade() throws Exception {
        CountDownLatch selecting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JoseProvider chosen = new JoseProvider(new Refusing(), Set.of(JWSAlgorithm.ES256));

        CompletableFuture<JoseProvider> selection = NativeJca.inBackground(() -> {
            selecting.countDown();
            await(release);
            return chosen;
        });

        // returned while the selection is still running (a start does not wait for it)
        assertThat(selecting.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(selection).isNotDone();
        release.countDown();
        assertThat(selection.get(10, TimeUnit.SECONDS)).isSameAs(chosen);
    }

    @Test
    void aSelectionThatFailsLeavesTheJdkWithOneWarningAndNeverAFailedSelection() {
        JoseLog.Captured<JoseProvider> selected = JoseLog.warnings(() -> NativeJca.inBackground(() -> {
            throw new NoClassDefFoundError("com/amazon/corretto/crypto/provider/AmazonCorrettoCryptoProvider");
        }).join());

        assertThat(selected.value()).isSameAs(JoseProvider.jdk());
        assertThat(selected.warnings()).singleElement().asString().contains("NoClassDefFoundError")
                .contains("use the JDK");
    }

    @Test
    void selectingIsTheSameOneSelectionForEveryCallerAndTheJdkIsSelectedAtOnce() {
        CompletableFuture<JoseProvider> first = JoseProvider.selecting(JoseProvider.Mode.AUTO);
        CompletableFuture<JoseProvider> second = JoseProvider.selecting(JoseProvider.Mode.AUTO);
        second.complete(JoseProvider.jdk()); // a caller's own copy: cannot change what others get

        assertThat(first.join()).isSameAs(auto);
        assertThat(JoseProvider.of(JoseProvider.Mode.AUTO)).isSameAs(auto);
        assertThat(JoseProvider.selecting(JoseProvider.Mode.JDK)).isCompletedWithValue(JoseProvider.jdk());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aProviderThatPassesNothingLeavesTheJdkWithOneWarning() {
        JoseLog.Captured<JoseProvider> selected = JoseLog.warnings(() -> NativeJca.select(Refusing::new));

        assertThat(selected.value()).isSameAs(JoseProvider.jdk());
        assertThat(selected.warnings()).singleElement().asString().contains("every algorithm");
    }

    @Test
    void aKeyTheNativeProviderRefusesSignsWithTheJdkWithOneWarningPerKey() {
        JoseProvider refusing = new JoseProvider(new Refusing(), Set.copyOf(NativeJca.CANDIDATES));
        InMemoryKeys store = new InMemoryKeys();
        List<SigningAlgorithm> jca = List.of(SigningAlgorithm.RS256, SigningAlgorithm.PS256, SigningAlgorithm.ES256);
        for (SigningAlgorithm algorithm : jca) {
            TestKeys.insert(store, 1, TestKeys.of(algorithm), KeyState.CURRENT, Instant.now());
        }
        ServiceKeyRing ring = new ServiceKeyRing(store, Clock.systemUTC(), Duration.ofMinutes(10), refusing);
        ServiceKeyRing jdkRing = new ServiceKeyRing(store, Clock.systemUTC(), Duration.ofMinutes(10), jdk);

        JoseLog.Captured<Set<SigningAlgorithm>> loaded = JoseLog.warnings(() -> ring.algorithms(1));

        assertThat(loaded.value()).as("no key dropped").containsExactlyInAnyOrderElementsOf(jca);
        assertThat(loaded.warnings()).hasSize(jca.size()).allSatisfy(line -> assertThat(line)
                .contains("signs and verifies with the JDK").contains("Refusing"));
        for (SigningAlgorithm algorithm : jca) {
            assertThat(loaded.warnings()).anySatisfy(line -> assertThat(line).contains(TestKeys.of(algorithm).kid()));
            String jwt = ring.sign(1, algorithm, Map.of(), Map.of("sub", "alice")).compact();
            assertThat(jdkRing.verify(1, jwt)).as(algorithm.wireName()).isPresent();
            assertThat(ring.verify(1, jdkRing.sign(1, algorithm, Map.of(), Map.of("sub", "bob")).compact()))
                    .as(algorithm.wireName()).isPresent();
        }
    }

    @Test
    void anImportChecksThePairThroughTheRingsProviderAndAcceptsAKeyItRefuses() throws Exception {
        JoseProvider refusing = new JoseProvider(new Refusing(), Set.copyOf(NativeJca.CANDIDATES));
        String set = "{\"keys\":[" + TestKeys.of(SigningAlgorithm.ES256).privateJwk().reveal() + "]}";

        JoseLog.Captured<List<ImportedKey>> imported = JoseLog.warnings(() -> {
            try {
                return JwkSetImport.parse(set, refusing);
            } catch (InvalidJwkSetException e) {
                throw new AssertionError(e);
            }
        });

        assertThat(imported.value()).singleElement().extracting(ImportedKey::kid)
                .isEqualTo(TestKeys.of(SigningAlgorithm.ES256).kid());
        assertThat(imported.warnings()).singleElement().asString().contains("imported").contains("Refusing");
    }

    static Iterable<SigningAlgorithm> nativeAlgorithms() {
        return List.of(SigningAlgorithm.RS256, SigningAlgorithm.PS256, SigningAlgorithm.ES256);
    }

    @ParameterizedTest
    @MethodSource("nativeAlgorithms")
    void theNativeVerifierRejectsTruncatedZeroedAndTamperedSignatures(SigningAlgorithm algorithm) throws Exception {
        assumeTrue(NativeHost.required(), "ACCP ships for x86_64 Linux only");
        com.nimbusds.jose.jwk.JWK key = com.nimbusds.jose.jwk.JWK.parse(TestKeys.of(algorithm).privateJwk().reveal());
        JWSHeader header = new JWSHeader(Jwks.nimbus(algorithm));
        JWSVerifier verifier = Jwks.verifier(key.toPublicJWK(), algorithm, auto);
        assertThat(verifier.getJCAContext().getProvider().getName()).isEqualTo(ACCP);
        byte[] good = Jwks.signer(key, algorithm, auto).sign(header, INPUT).decode();
        assertThat(verifier.verify(header, INPUT, Base64URL.encode(good))).as("the untouched one").isTrue();

        byte[] tampered = good.clone();
        tampered[good.length / 2] ^= 0x01;
        byte[] lastBitFlipped = good.clone();
        lastBitFlipped[good.length - 1] ^= (byte) 0x80;
        Map<String, byte[]> bad = Map.of(
                "truncated", Arrays.copyOf(good, good.length - 1),
                "cut in half", Arrays.copyOf(good, good.length / 2),
                "zeroed", new byte[good.length],
                "empty", new byte[0],
                "tampered", tampered,
                "last bit flipped", lastBitFlipped);
        for (Map.Entry<String, byte[]> signature : bad.entrySet()) {
            assertThat(rejects(verifier, header, signature.getValue())).as(signature.getKey()).isTrue();
        }
    }

    /** Whether the verifier says no: false, or a JOSEException, never true. */
    private static boolean rejects(JWSVerifier verifier, JWSHeader header, byte[] signature) {
        try {
            return !verifier.verify(header, INPUT, Base64URL.encode(signature));
        } catch (JOSEException e) {
            return true;
        }
    }

    /** A provider with no services: its KeyFactory refuses every key, and nothing passes its self-test. */
    private static final class Refusing extends Provider {
        private static final long serialVersionUID = 1L;

        Refusing() {
            super("Refusing", "1.0", "refuses every key");
        }
    }

    @Test
    void theSettingReadsAutoOrJdkInAnyCase() {
        assertThat(JoseProvider.Mode.parse("auto")).isEqualTo(JoseProvider.Mode.AUTO);
        assertThat(JoseProvider.Mode.parse(" JDK ")).isEqualTo(JoseProvider.Mode.JDK);
        assertThatThrownBy(() -> JoseProvider.Mode.parse("bouncycastle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto or jdk");
    }
}
