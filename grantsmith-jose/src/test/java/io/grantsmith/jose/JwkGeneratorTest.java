package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwkGeneratorTest {
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void whenKeyIsGeneratedThenItsKidIsItsThumbprintAndItsPublicHalfHasNoPrivateMember(SigningAlgorithm algorithm)
            throws Exception {
        JwkPair pair = TestKeys.of(algorithm);

        JWK privateKey = JWK.parse(pair.privateJwk().reveal());
        JWK publicKey = JWK.parse(pair.publicJwk());
        assertThat(privateKey.isPrivate()).isTrue();
        assertThat(publicKey.isPrivate()).isFalse();
        assertThat(publicKey).isEqualTo(privateKey.toPublicJWK());
        assertThat(pair.kid()).isEqualTo(publicKey.computeThumbprint().toString()).isEqualTo(publicKey.getKeyID());
        assertThat(publicKey.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(publicKey.getAlgorithm().getName()).isEqualTo(algorithm.wireName());
        assertThat(publicKey.getKeyType().getValue()).isEqualTo(algorithm.keyType().kty());
        if (algorithm.keyType() == SigningAlgorithm.KeyType.RSA) {
            assertThat(publicKey.size()).isEqualTo(2048);
        }
        assertThat(pair.privateJwk().toString()).doesNotContain(pair.privateJwk().reveal());
    }

    @Test
    void whenNativeProviderWasSelectedThenItGeneratesTheRsaKeyWithTheSameQuality() throws Exception {
        assumeTrue(NativeHost.required(), "ACCP ships for x86_64 Linux only");
        JoseProvider auto = JoseProvider.of(JoseProvider.Mode.AUTO);
        assertThat(auto.rsaKeyPairProvider()).as("RSA keys from " + auto).isNotNull();
        Counting counting = new Counting(auto.rsaKeyPairProvider());

        JwkPair pair = new JwkGenerator(new SecureRandom(),
                CompletableFuture.completedFuture(new JoseProvider(counting, Set.of(JWSAlgorithm.RS256))))
                .generate(SigningAlgorithm.RS256);

        assertThat(counting.rsaGenerators).as("key pair generators asked of the native provider").isEqualTo(1);
        assertSoundRsaKey(JWK.parse(pair.privateJwk().reveal()));
    }

    /** The native provider, counting the RSA key pair generators asked of it. */
    private static final class Counting extends Provider {
        private static final long serialVersionUID = 1L;
        private final transient Provider delegate;
        int rsaGenerators;

        Counting(Provider delegate) {
            super("Counting", "1", "counts");
            this.delegate = delegate;
        }

        @Override
        public synchronized Service getService(String type, String algorithm) {
            if (type.equals("KeyPairGenerator") && algorithm.equals("RSA")) {
                rsaGenerators++;
            }
            return delegate.getService(type, algorithm);
        }
    }

    @Test
    void whenSelectionIsNativeThenGeneratorStillGivesAStorableKeyThatTheJdkSignsWith() throws Exception {
        JwkPair pair = new JwkGenerator(new SecureRandom(),
                CompletableFuture.completedFuture(JoseProvider.of(JoseProvider.Mode.AUTO))).generate(SigningAlgorithm.PS256);

        assertSoundRsaKey(JWK.parse(pair.privateJwk().reveal()));
        assertThat(JWK.parse(pair.publicJwk()).getKeyID()).isEqualTo(pair.kid());
    }

    @Test
    void whenNativeProviderCannotGenerateThenTheJdkDoes() throws Exception {
        Provider empty = new Provider("NoRsaHere", "1", "has no RSA key pair generator") {
            private static final long serialVersionUID = 1L;
        };
        JoseProvider broken = new JoseProvider(empty, Set.of(JWSAlgorithm.RS256));

        JwkPair pair = new JwkGenerator(new SecureRandom(), CompletableFuture.completedFuture(broken))
                .generate(SigningAlgorithm.RS256);

        assertSoundRsaKey(JWK.parse(pair.privateJwk().reveal()));
    }

    /**
     * 2048 bits, e = 65537, every CRT member present and consistent (n = pq, ed = 1 mod lcm(p-1, q-1)), and a
     * signature the JDK makes with the stored private key verifies with the published public one.
     */
    private static void assertSoundRsaKey(JWK jwk) throws Exception {
        RSAKey key = jwk.toRSAKey();
        BigInteger n = key.getModulus().decodeToBigInteger();
        BigInteger e = key.getPublicExponent().decodeToBigInteger();
        BigInteger p = key.getFirstPrimeFactor().decodeToBigInteger();
        BigInteger q = key.getSecondPrimeFactor().decodeToBigInteger();
        BigInteger d = key.getPrivateExponent().decodeToBigInteger();
        assertThat(n.bitLength()).isEqualTo(2048);
        assertThat(e).isEqualTo(BigInteger.valueOf(65537));
        assertThat(p.multiply(q)).isEqualTo(n);
        assertThat(p.isProbablePrime(64) && q.isProbablePrime(64)).isTrue();
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        BigInteger lambda = p1.multiply(q1).divide(p1.gcd(q1));
        assertThat(e.multiply(d).mod(lambda)).isEqualTo(BigInteger.ONE);
        assertThat(key.getFirstFactorCRTExponent().decodeToBigInteger()).isEqualTo(d.mod(p1));
        assertThat(key.getSecondFactorCRTExponent().decodeToBigInteger()).isEqualTo(d.mod(q1));
        assertThat(key.getFirstCRTCoefficient().decodeToBigInteger()).isEqualTo(q.modInverse(p));

        RSAKey stored = RSAKey.parse(key.toJSONString()); // as the store gives it back: the JDK's key objects
        assertThat(stored.toPrivateKey()).isInstanceOf(RSAPrivateCrtKey.class);
        byte[] input = "grantsmith".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(stored.toPrivateKey());
        signer.update(input);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(RSAKey.parse(key.toPublicJWK().toJSONString()).toPublicKey());
        verifier.update(input);
        assertThat(verifier.verify(signature)).isTrue();
    }
}
