package io.grantsmith.jose;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Loads the Amazon Corretto Crypto Provider once per process and finds the JWS algorithms it may sign and verify
 * here: its native library must load (x86_64 Linux only) and pass ACCP's own health check, and for each algorithm
 * a signature made through it must verify with the JDK and one made with the JDK must verify through it, the way
 * {@link Jwks} will use it (Nimbus signers with the key translated once). Anything else falls back to the JDK, with
 * one log line that says why.
 */
final class NativeJca {
    private static final System.Logger LOG = System.getLogger(JoseProvider.class.getName());

    /** The RSA and ECDSA algorithms Nimbus signs through a JCA provider; EdDSA is Tink's. */
    static final List<JWSAlgorithm> CANDIDATES = List.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384,
            JWSAlgorithm.ES512);

    private static final byte[] SELF_TEST = "grantsmith jose provider self-test".getBytes(StandardCharsets.US_ASCII);

    private NativeJca() {
    }

    /**
     * The selection, started on a thread of its own on first use (class initialisation runs once, thread-safely);
     * complete once the native provider has loaded and been self-tested, or the JDK's was chosen instead.
     */
    static CompletableFuture<JoseProvider> selection() {
        return Holder.SELECTION;
    }

    private static final class Holder {
        static final CompletableFuture<JoseProvider> SELECTION = inBackground(() -> select(NativeJca::healthyAccp));
    }

    /**
     * Runs {@code selection} on a daemon thread of its own and returns at once: loading ACCP and self-testing it
     * takes a cold start 0.3-1 s that nothing but signing needs. Whatever {@code selection} throws leaves the JDK's
     * providers, with one warning: a token signed through the JDK is slower, never wrong.
     */
    static CompletableFuture<JoseProvider> inBackground(Supplier<JoseProvider> selection) {
        CompletableFuture<JoseProvider> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(selection.get());
            } catch (Throwable e) { // an Error too: the key ring must not wait for ever
                LOG.log(System.Logger.Level.WARNING, "jose-provider auto: selecting the provider failed ({0}); JOSE "
                        + "signatures use the JDK", e.toString());
                result.complete(JoseProvider.jdk());
            }
        }, "grantsmith-jose-selection");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** ACCP, loading its native library on first use; throws a {@link LinkageError} where it does not load. */
    private static Provider healthyAccp() {
        AmazonCorrettoCryptoProvider instance = AmazonCorrettoCryptoProvider.INSTANCE;
        instance.assertHealthy();
        return instance;
    }

    /** The selection with the native provider {@code nativeProvider} gives (or fails to), self-tested here. */
    static JoseProvider select(Supplier<Provider> nativeProvider) {
        Provider accp;
        try {
            accp = nativeProvider.get();
        } catch (Throwable e) { // LinkageError when the native library does not load on this OS or architecture
            LOG.log(System.Logger.Level.WARNING, "jose-provider auto: the Amazon Corretto Crypto Provider is not "
                    + "usable here ({0}); JOSE signatures use the JDK", e.toString());
            return JoseProvider.jdk();
        }
        Set<JWSAlgorithm> passed = new LinkedHashSet<>();
        List<String> failed = new ArrayList<>();
        Map<String, KeyPair> pairs = new HashMap<>(); // one RSA pair and one per curve: RSA-2048 generation is slow
        for (JWSAlgorithm algorithm : CANDIDATES) {
            try {
                selfTest(accp, algorithm, pairs);
                passed.add(algorithm);
            } catch (GeneralSecurityException | JOSEException | RuntimeException e) {
                failed.add(algorithm + " (" + e.getMessage() + ")");
            }
        }
        if (passed.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "jose-provider auto: the Amazon Corretto Crypto Provider failed "
                    + "its self-test for every algorithm: {0}; JOSE signatures use the JDK", failed);
            return JoseProvider.jdk();
        }
        JoseProvider selection = new JoseProvider(accp, passed);
        if (failed.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "jose-provider auto: {0}", selection);
        } else {
            LOG.log(System.Logger.Level.WARNING, "jose-provider auto: {0}; failed its self-test: {1}", selection,
                    failed);
        }
        return selection;
    }

    /** Throws unless signatures of {@code algorithm} cross between {@code provider} and the JDK both ways. */
    static void selfTest(Provider provider, JWSAlgorithm algorithm, Map<String, KeyPair> pairs)
            throws GeneralSecurityException, JOSEException {
        JoseProvider only = new JoseProvider(provider, Set.of(algorithm));
        KeyPair jdkPair = keyPair(provider, algorithm, pairs);
        JWSHeader header = new JWSHeader(algorithm);
        Base64URL nativeSignature = Jwks.jcaSigner(jdkPair.getPrivate(), algorithm, only).sign(header, SELF_TEST);
        if (!Jwks.jcaVerifier(jdkPair.getPublic(), algorithm, JoseProvider.jdk()).verify(header, SELF_TEST, nativeSignature)) {
            throw new JOSEException("its signature does not verify with the JDK");
        }
        Base64URL jdkSignature = Jwks.jcaSigner(jdkPair.getPrivate(), algorithm, JoseProvider.jdk()).sign(header, SELF_TEST);
        if (!Jwks.jcaVerifier(jdkPair.getPublic(), algorithm, only).verify(header, SELF_TEST, jdkSignature)) {
            throw new JOSEException("it does not verify the JDK's signature");
        }
    }

    /** A JDK key pair for {@code algorithm}, shared through {@code pairs} by the algorithms of one key type. */
    private static KeyPair keyPair(Provider provider, JWSAlgorithm algorithm, Map<String, KeyPair> pairs)
            throws GeneralSecurityException {
        boolean rsa = JWSAlgorithm.Family.RSA.contains(algorithm);
        String type = rsa ? "RSA" : Curve.forJWSAlgorithm(algorithm).iterator().next().getStdName();
        KeyPair pair = pairs.get(type);
        if (pair == null) {
            // generated natively where the provider can: the JDK 17 takes 0.2-1 s of a cold start for an RSA-2048
            // pair, AWS-LC a tenth of that; the self-test then runs on the JDK's own key objects, read back from
            // the encoded pair, so that it tests signing and nothing else of the provider
            KeyPair generated;
            try {
                generated = generate(KeyPairGenerator.getInstance(rsa ? "RSA" : "EC", provider), rsa, type);
            } catch (GeneralSecurityException | RuntimeException e) {
                generated = generate(KeyPairGenerator.getInstance(rsa ? "RSA" : "EC"), rsa, type);
            }
            pair = asJdkKeys(generated, rsa ? "RSA" : "EC");
            pairs.put(type, pair);
        }
        return pair;
    }

    private static KeyPair generate(KeyPairGenerator generator, boolean rsa, String curve)
            throws GeneralSecurityException {
        generator.initialize(rsa ? new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4)
                : new ECGenParameterSpec(curve));
        return generator.generateKeyPair();
    }

    /** The same key pair as the JDK's own key objects (the JDK's provider would otherwise translate them). */
    private static KeyPair asJdkKeys(KeyPair pair, String algorithm) throws GeneralSecurityException {
        KeyFactory jdk = KeyFactory.getInstance(algorithm);
        return new KeyPair(jdk.generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded())),
                jdk.generatePrivate(new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded())));
    }
}
