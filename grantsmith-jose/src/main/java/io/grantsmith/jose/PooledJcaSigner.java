package io.grantsmith.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Signs RS256 or ES256 with JCA {@code Signature} objects initialised once with the key and kept in a small pool,
 * instead of Nimbus's {@code Signature.getInstance} + {@code initSign} per signature (a provider lookup, a key
 * check and, for RSA, the key's translation on every call: 20-150 µs per token step in the code-flow bench). A
 * {@code Signature} is not thread-safe, so each call takes one from the pool (or makes one when none is idle) and
 * gives it back; the pool keeps at most {@link #MAX_IDLE} idle ones per key. ES256 uses the JDK's IEEE P1363 form
 * ({@code r || s}, 64 bytes), which is what JWS wants (RFC 7518 §3.4), so nothing is transcoded. Any other
 * algorithm in a header (PS256 with an RSA key) goes to the Nimbus signer of the same key.
 */
final class PooledJcaSigner implements JWSSigner {
    /** Enough for the request threads that sign at the same moment on a small machine; more are made on demand. */
    static final int MAX_IDLE = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    private final JWSAlgorithm algorithm;
    private final String jcaName;
    private final PrivateKey key;
    private final JWSSigner fallback;
    private final ConcurrentLinkedQueue<Signature> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    private PooledJcaSigner(JWSAlgorithm algorithm, String jcaName, PrivateKey key, JWSSigner fallback)
            throws JOSEException {
        this.algorithm = algorithm;
        this.jcaName = jcaName;
        this.key = Objects.requireNonNull(key, "key");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        release(newSignature()); // fails here, once, if the JDK cannot sign with this key
    }

    /** RS256 with an RSA private key. */
    static PooledJcaSigner rs256(PrivateKey key, JWSSigner fallback) throws JOSEException {
        return new PooledJcaSigner(JWSAlgorithm.RS256, "SHA256withRSA", key, fallback);
    }

    /** ES256 with a P-256 private key. */
    static PooledJcaSigner es256(PrivateKey key, JWSSigner fallback) throws JOSEException {
        return new PooledJcaSigner(JWSAlgorithm.ES256, "SHA256withECDSAinP1363Format", key, fallback);
    }

    @Override
    public Base64URL sign(JWSHeader header, byte[] signingInput) throws JOSEException {
        if (!algorithm.equals(header.getAlgorithm())) {
            return fallback.sign(header, signingInput);
        }
        Signature signature = idle.poll();
        if (signature != null) {
            idleCount.decrementAndGet();
        } else {
            signature = newSignature();
        }
        byte[] value;
        try {
            signature.update(signingInput);
            value = signature.sign(); // also resets it for the next signature with the same key
        } catch (GeneralSecurityException e) {
            // not given back: its state after a failure is not worth trusting
            throw new JOSEException(algorithm + " signing failed: " + e.getMessage(), e);
        }
        release(signature);
        return Base64URL.encode(value);
    }

    private Signature newSignature() throws JOSEException {
        try {
            Signature signature = Signature.getInstance(jcaName);
            signature.initSign(key);
            return signature;
        } catch (GeneralSecurityException e) {
            throw new JOSEException("cannot sign " + algorithm + " with this key: " + e.getMessage(), e);
        }
    }

    private void release(Signature signature) {
        if (idleCount.incrementAndGet() <= MAX_IDLE) {
            idle.offer(signature);
        } else {
            idleCount.decrementAndGet(); // the pool is full: let it go
        }
    }

    /** How many initialised signatures wait in the pool (for tests). */
    int idle() {
        return idleCount.get();
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return fallback.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return fallback.getJCAContext();
    }
}
