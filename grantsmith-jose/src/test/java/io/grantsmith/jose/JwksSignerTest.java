package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The signers {@link Jwks} builds for stored keys, with either {@code jose-provider} setting. */
class JwksSignerTest {
    private static final JWSHeader RS256 = new JWSHeader(JWSAlgorithm.RS256);
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    private static JWK privateJwk(SigningAlgorithm algorithm) throws Exception {
        return JWK.parse(TestKeys.of(algorithm).privateJwk().reveal());
    }

    private static byte[] input(int i) {
        return ("eyJhbGciOiJFUzI1NiJ9.payload-" + i).getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @EnumSource(JoseProvider.Mode.class)
    void rs256SignaturesAreTheJdksByteForByte(JoseProvider.Mode mode) throws Exception {
        RSAKey key = privateJwk(SigningAlgorithm.RS256).toRSAKey();
        JWSSigner signer = Jwks.signer(key, SigningAlgorithm.RS256, JoseProvider.of(mode));

        // RSASSA-PKCS1-v1_5 is deterministic: AWS-LC must give the JDK's signature exactly
        for (int i = 0; i < 3; i++) {
            assertThat(signer.sign(RS256, input(i))).isEqualTo(new RSASSASigner(key).sign(RS256, input(i)));
        }
        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(RS256, input(7), signer.sign(RS256, input(7))))
                .isTrue();
    }

    @ParameterizedTest
    @EnumSource(JoseProvider.Mode.class)
    void es256SignaturesAreTheJoseFormAndVerifyWithTheJdk(JoseProvider.Mode mode) throws Exception {
        ECKey key = privateJwk(SigningAlgorithm.ES256).toECKey();
        JWSSigner signer = Jwks.signer(key, SigningAlgorithm.ES256, JoseProvider.of(mode));
        JWSVerifier verifier = new ECDSAVerifier(key.toPublicJWK());

        assertThat(signer).isInstanceOf(ECDSASigner.class);
        Base64URL signature = signer.sign(ES256, input(1));
        assertThat(signature.decode()).hasSize(64); // r || s, not DER (RFC 7518 §3.4)
        assertThat(verifier.verify(ES256, input(1), signature)).isTrue();
        assertThat(verifier.verify(ES256, input(2), signature)).as("bound to its input").isFalse();
    }

    @Test
    void theKeyIsTranslatedForTheNativeProviderOnceWhenParsed() throws Exception {
        assumeTrue(NativeHost.required(), "ACCP ships for x86_64 Linux only");
        JoseProvider auto = JoseProvider.of(JoseProvider.Mode.AUTO);
        ECDSASigner ec = (ECDSASigner) Jwks.signer(privateJwk(SigningAlgorithm.ES256), SigningAlgorithm.ES256, auto);
        RSASSASigner rsa = (RSASSASigner) Jwks.signer(privateJwk(SigningAlgorithm.RS256), SigningAlgorithm.RS256,
                auto);

        // handed a JDK key, ACCP would convert it on every initSign (half ES256's rate, a third of RS256's)
        assertThat(ec.getPrivateKey().getClass().getName()).startsWith("com.amazon.corretto.crypto.provider.");
        assertThat(rsa.getPrivateKey().getClass().getName()).startsWith("com.amazon.corretto.crypto.provider.");
        assertThat(ec.getJCAContext().getProvider()).isSameAs(rsa.getJCAContext().getProvider()).isNotNull();
    }

    @Test
    void ps256KeysSignPs256AndEdDsaKeysStayWithTink() throws Exception {
        JoseProvider auto = JoseProvider.of(JoseProvider.Mode.AUTO);
        RSAKey key = privateJwk(SigningAlgorithm.PS256).toRSAKey();
        JWSHeader ps256 = new JWSHeader(JWSAlgorithm.PS256);

        Base64URL signature = Jwks.signer(key, SigningAlgorithm.PS256, auto).sign(ps256, input(3));

        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(ps256, input(3), signature)).isTrue();
        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(RS256, input(3), signature)).isFalse();
        assertThat(Jwks.signer(privateJwk(SigningAlgorithm.EdDSA), SigningAlgorithm.EdDSA, auto))
                .isInstanceOf(Ed25519Signer.class);
    }

    @Test
    void oneSignerServesConcurrentThreads() throws Exception {
        ECKey key = privateJwk(SigningAlgorithm.ES256).toECKey();
        JWSSigner signer = Jwks.signer(key, SigningAlgorithm.ES256, JoseProvider.of(JoseProvider.Mode.AUTO));
        JWSVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Integer>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                tasks.add(() -> {
                    int good = 0;
                    for (int i = 0; i < 50; i++) {
                        byte[] input = input(thread * 1000 + i);
                        if (verifier.verify(ES256, input, signer.sign(ES256, input))) {
                            good++;
                        }
                    }
                    return good;
                });
            }
            for (Future<Integer> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).as("every signature of a thread verifies against its own input").isEqualTo(50);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
