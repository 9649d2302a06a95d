package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
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

class PooledJcaSignerTest {
    private static final JWSHeader RS256 = new JWSHeader(JWSAlgorithm.RS256);
    private static final JWSHeader ES256 = new JWSHeader(JWSAlgorithm.ES256);

    private static JWK privateJwk(SigningAlgorithm algorithm) throws Exception {
        return JWK.parse(TestKeys.of(algorithm).privateJwk().reveal());
    }

    private static byte[] input(int i) {
        return ("eyJhbGciOiJFUzI1NiJ9.payload-" + i).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void rs256KeysGetThePooledSignerWhoseSignaturesAreNimbusesByteForByte() throws Exception {
        RSAKey key = privateJwk(SigningAlgorithm.RS256).toRSAKey();
        JWSSigner signer = Jwks.signer(key, SigningAlgorithm.RS256);

        assertThat(signer).isInstanceOf(PooledJcaSigner.class);
        // RSASSA-PKCS1-v1_5 is deterministic: the same input must give Nimbus's own signature
        for (int i = 0; i < 3; i++) {
            assertThat(signer.sign(RS256, input(i))).isEqualTo(new RSASSASigner(key).sign(RS256, input(i)));
        }
        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(RS256, input(7), signer.sign(RS256, input(7))))
                .isTrue();
    }

    @Test
    void es256SignaturesAreTheJoseFormAndVerify() throws Exception {
        ECKey key = privateJwk(SigningAlgorithm.ES256).toECKey();
        JWSSigner signer = Jwks.signer(key, SigningAlgorithm.ES256);
        JWSVerifier verifier = new ECDSAVerifier(key.toPublicJWK());

        assertThat(signer).isInstanceOf(PooledJcaSigner.class);
        Base64URL signature = signer.sign(ES256, input(1));
        assertThat(signature.decode()).hasSize(64); // r || s, not DER (RFC 7518 §3.4)
        assertThat(verifier.verify(ES256, input(1), signature)).isTrue();
        assertThat(verifier.verify(ES256, input(2), signature)).as("bound to its input").isFalse();
    }

    @Test
    void anotherAlgorithmInTheHeaderGoesToNimbusesSigner() throws Exception {
        RSAKey key = privateJwk(SigningAlgorithm.RS256).toRSAKey();
        JWSSigner signer = Jwks.signer(key, SigningAlgorithm.RS256);
        JWSHeader ps256 = new JWSHeader(JWSAlgorithm.PS256);

        Base64URL signature = signer.sign(ps256, input(3));

        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(ps256, input(3), signature)).isTrue();
        assertThat(new RSASSAVerifier(key.toPublicJWK()).verify(RS256, input(3), signature)).isFalse();
    }

    @Test
    void otherKeysKeepNimbusesSigners() throws Exception {
        assertThat(Jwks.signer(privateJwk(SigningAlgorithm.EdDSA), SigningAlgorithm.EdDSA))
                .isNotInstanceOf(PooledJcaSigner.class);
        assertThat(Jwks.signer(privateJwk(SigningAlgorithm.PS256), SigningAlgorithm.PS256))
                .isNotInstanceOf(PooledJcaSigner.class);
    }

    @Test
    void concurrentSignersEachGetTheirOwnSignatureAndThePoolStaysBounded() throws Exception {
        ECKey key = privateJwk(SigningAlgorithm.ES256).toECKey();
        PooledJcaSigner signer = (PooledJcaSigner) Jwks.signer(key, SigningAlgorithm.ES256);
        JWSVerifier verifier = new ECDSAVerifier(key.toPublicJWK());
        int threads = PooledJcaSigner.MAX_IDLE + 4;
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
        assertThat(signer.idle()).isBetween(1, PooledJcaSigner.MAX_IDLE);
    }
}
