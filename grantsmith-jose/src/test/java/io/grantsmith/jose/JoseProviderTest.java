package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        boolean nativeLibraryShips = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        // the build machine is x86_64 Linux: there a silent fall-back to the JDK fails this test
        for (JWSAlgorithm algorithm : NativeJca.CANDIDATES) {
            assertThat(auto.isNative(algorithm)).as(algorithm + " with " + auto).isEqualTo(nativeLibraryShips);
        }
        assertThat(auto.isNative(JWSAlgorithm.EdDSA)).as("EdDSA stays with Tink").isFalse();
        assertThat(JoseProvider.of(JoseProvider.Mode.AUTO)).as("loaded and self-tested once").isSameAs(auto);
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void nativeSignaturesVerifyWithTheJdkAndTheJdksVerifyNatively(JWSAlgorithm algorithm) throws Exception {
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
        assertThatThrownBy(() -> NativeJca.selfTest(Security.getProvider("SunRsaSign"), JWSAlgorithm.ES256))
                .isInstanceOfAny(JOSEException.class, java.security.GeneralSecurityException.class);
    }

    @Test
    void theSettingReadsAutoOrJdkInAnyCase() {
        assertThat(JoseProvider.Mode.parse("auto")).isEqualTo(JoseProvider.Mode.AUTO);
        assertThat(JoseProvider.Mode.parse(" JDK ")).isEqualTo(JoseProvider.Mode.JDK);
        assertThatThrownBy(() -> JoseProvider.Mode.parse("bouncycastle"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("auto or jdk");
    }
}
