package io.grantsmith.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Which JCA provider signs and verifies each RSA and ECDSA JWS algorithm with the services' keys. {@link Mode#AUTO}
 * takes the Amazon Corretto Crypto Provider (ACCP, AWS-LC: on x86_64 Linux RSA signed 3.7–4.1 times and ECDSA 35–38
 * times as fast as with the JDK 17 in docs/BENCHMARKS.md) for each algorithm it passed its start-up self-test for,
 * and the JDK's providers for the rest; {@link Mode#JDK} always the JDK's. The provider is handed to Nimbus per
 * signer and verifier (its {@code JCAContext}), never installed JVM-wide: TLS and everything else stay on the JDK.
 * EdDSA is Tink's (through Nimbus) either way. A key the native provider refuses is the JDK's ({@link KeyRefused}).
 */
public final class JoseProvider {
    /** The {@code jose-provider} setting. */
    public enum Mode {
        /** The native provider where it loaded and passed its self-test, else the JDK's. */
        AUTO,
        /** The JDK's providers only. */
        JDK;

        /** {@code auto} or {@code jdk}, in any case. */
        public static Mode parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("jose-provider must be auto or jdk, not '" + value + "'", e);
            }
        }
    }

    private static final System.Logger LOG = System.getLogger(JoseProvider.class.getName());
    private static final JoseProvider JDK_ONLY = new JoseProvider(null, Set.of());

    private final Provider provider;
    private final Set<JWSAlgorithm> algorithms;

    JoseProvider(Provider provider, Set<JWSAlgorithm> algorithms) {
        this.provider = provider;
        this.algorithms = Set.copyOf(algorithms);
    }

    /** The JDK's providers for every algorithm. */
    public static JoseProvider jdk() {
        return JDK_ONLY;
    }

    /**
     * The providers for {@code mode}, waiting for {@link #selecting} to finish if it has not yet. The native provider
     * is loaded and self-tested once per process, for the first {@link Mode#AUTO}, which logs one line saying what
     * it chose.
     */
    public static JoseProvider of(Mode mode) {
        return selecting(mode).join();
    }

    /**
     * The providers for {@code mode}, without waiting: for {@link Mode#AUTO} the first call starts loading and
     * self-testing the native provider on a thread of its own ({@code grantsmith-jose-selection}) and every call
     * returns that one selection, complete once it is made; for {@link Mode#JDK} a complete one. It never completes
     * exceptionally (a failed selection leaves the JDK's providers), so that whoever signs first waits for it and no
     * longer, and a start need not wait for it at all.
     */
    public static CompletableFuture<JoseProvider> selecting(Mode mode) {
        if (Objects.requireNonNull(mode, "mode") == Mode.JDK) {
            LOG.log(System.Logger.Level.INFO, "jose-provider jdk: JOSE signatures use the JDK");
            return CompletableFuture.completedFuture(JDK_ONLY);
        }
        return NativeJca.selection().copy(); // the caller's own: completing it cannot change anyone else's
    }

    /** The provider that signs and verifies {@code algorithm}, or null for the JDK's (Nimbus's default). */
    Provider providerFor(JWSAlgorithm algorithm) {
        return algorithms.contains(algorithm) ? provider : null;
    }

    /**
     * The provider that generates RSA key pairs: the native one where it passed its self-test for an RSA algorithm
     * (its key pair generator is then the one whose keys it signed with), else null for the JDK's.
     */
    Provider rsaKeyPairProvider() {
        return algorithms.stream().anyMatch(JWSAlgorithm.Family.RSA::contains) ? provider : null;
    }

    /** The native provider's name and version (e.g. {@code AmazonCorrettoCryptoProvider 2.5.0}), or {@code JDK}. */
    public String providerName() {
        return provider == null ? "JDK" : provider.getName() + " " + provider.getVersionStr();
    }

    /** How many RSA and ECDSA JWS algorithms the native provider signs and verifies (0: the JDK does all). */
    public int nativeAlgorithmCount() {
        return algorithms.size();
    }

    /** Whether the native provider handles {@code algorithm}. */
    public boolean isNative(JWSAlgorithm algorithm) {
        return providerFor(algorithm) != null;
    }

    /**
     * {@code key} as the provider of {@code algorithm} holds it natively, so that it is translated once, when the
     * stored key is parsed, and not on every {@code initSign}; the key itself for the JDK.
     */
    @SuppressWarnings("unchecked")
    <K extends Key> K translate(K key, JWSAlgorithm algorithm) throws KeyRefused {
        Provider chosen = providerFor(algorithm);
        if (chosen == null) {
            return key;
        }
        try {
            return (K) KeyFactory.getInstance(key.getAlgorithm(), chosen).translateKey(key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new KeyRefused("cannot hand the " + key.getAlgorithm() + " key to " + chosen.getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * A signature of {@code algorithm} made ready to sign with {@code jdkKey} through this provider (the key
     * translated for it): the raw JCA loop, without Nimbus, that bench/signing.sh compares the token step with.
     */
    public Signature rawSigner(PrivateKey jdkKey, JWSAlgorithm algorithm) throws GeneralSecurityException,
            JOSEException {
        String bits = algorithm.getName().substring(2);
        String name;
        if (algorithm.getName().startsWith("RS")) {
            name = "SHA" + bits + "withRSA";
        } else if (algorithm.getName().startsWith("ES")) {
            name = "SHA" + bits + "withECDSA";
        } else {
            throw new JOSEException("the raw loop covers RS and ES algorithms only, not " + algorithm);
        }
        Provider chosen = providerFor(algorithm);
        Signature signature = chosen == null ? Signature.getInstance(name) : Signature.getInstance(name, chosen);
        signature.initSign(translate(jdkKey, algorithm));
        return signature;
    }

    /** The provider refused a key (its {@code KeyFactory} cannot translate it): that key goes to the JDK. */
    static final class KeyRefused extends JOSEException {
        private static final long serialVersionUID = 1L;

        KeyRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** E.g. {@code AmazonCorrettoCryptoProvider 2.5.0 for [RS256, ES256, …]; JDK for the rest}. */
    @Override
    public String toString() {
        return provider == null ? "JDK" : providerName() + " for "
                + algorithms.stream().map(JWSAlgorithm::getName).sorted().toList() + "; JDK for the rest";
    }
}
