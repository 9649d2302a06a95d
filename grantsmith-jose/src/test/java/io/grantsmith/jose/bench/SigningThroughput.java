package io.grantsmith.jose.bench;

import com.google.crypto.tink.subtle.Ed25519Sign;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoredKey;
import io.grantsmith.jose.InMemoryKeys;
import io.grantsmith.jose.JoseProvider;
import io.grantsmith.jose.JwkGenerator;
import io.grantsmith.jose.JwkPair;
import io.grantsmith.jose.ServiceKeyRing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signing throughput of {@link ServiceKeyRing#sign} against the raw signatures of the JDK's provider and of the
 * native one the ring uses ({@link JoseProvider}, {@code jose-provider auto}: ACCP for RSA and ECDSA, Tink for
 * EdDSA), one thread, per second of the thread's CPU time, in alternating slices and interleaved rounds so that the
 * machine's drift falls on all alike. Each raw loop reuses one initialised JCA {@code Signature} (or Tink signer)
 * and signs a fixed signing input of an ID token's size: the ceiling for any JWS library on that provider. Run
 * with {@code bench/signing.sh}; not a test (no timed assertions in the suite).
 */
public final class SigningThroughput {
    private static final long SERVICE = 1;

    public static void main(String[] args) throws Exception {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 3_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ServiceKeyStore store = new InMemoryKeys();
        JoseProvider jca = JoseProvider.of(JoseProvider.Mode.AUTO);
        ServiceKeyRing ring = new ServiceKeyRing(store, Clock.systemUTC(), Duration.ofMinutes(10), jca);
        JwkGenerator generator = new JwkGenerator(new SecureRandom());
        List<SigningAlgorithm> algorithms = List.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256,
                SigningAlgorithm.EdDSA);
        Map<SigningAlgorithm, JwkPair> keys = new LinkedHashMap<>();
        for (SigningAlgorithm algorithm : algorithms) {
            JwkPair pair = generator.generate(algorithm);
            keys.put(algorithm, pair);
            store.apply(SERVICE, List.of(new KeyChange.Insert(new StoredKey(SERVICE, pair.kid(), algorithm,
                    KeyState.CURRENT, pair.privateJwk(), pair.publicJwk(), Instant.now(), Instant.now(), null, null))));
        }
        Map<String, Object> header = Map.of("typ", "JWT");
        byte[] signingInput = (b64("{\"alg\":\"RS256\",\"kid\":\"" + "k".repeat(43) + "\",\"typ\":\"JWT\"}") + "."
                + b64(new String(payloadJson(claims()).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);

        System.out.printf(Locale.ROOT, "java %s, %d ms of CPU per side and measurement, %d rounds, signing input %d bytes;"
                + " jose-provider auto: %s%n", System.getProperty("java.version"), millis, rounds, signingInput.length,
                jca);
        JWSHeader plumbingHeader = JWSHeader.parse(Base64URL.encode("{\"alg\":\"ES256\",\"kid\":\""
                + keys.get(SigningAlgorithm.ES256).kid() + "\",\"typ\":\"JWT\"}"));
        for (int round = 1; round <= rounds + 1; round++) {
            boolean warmup = round == 1;
            for (SigningAlgorithm algorithm : algorithms) {
                Raw raw = raw(algorithm, keys.get(algorithm), JoseProvider.jdk());
                Raw rawNative = raw(algorithm, keys.get(algorithm), jca);
                // ten alternating slices per side, so that drift within the measurement falls on all alike
                double rawOps = 0;
                double nativeOps = 0;
                double ringOps = 0;
                for (int slice = 0; slice < 10; slice++) {
                    rawOps += measure(millis / 10, () -> raw.sign(signingInput));
                    nativeOps += measure(millis / 10, () -> rawNative.sign(signingInput));
                    ringOps += measure(millis / 10, () -> ring.sign(SERVICE, algorithm, header, claims()));
                }
                double rawRate = rawOps / 10;
                double nativeRate = nativeOps / 10;
                double ringRate = ringOps / 10;
                System.out.printf(Locale.ROOT, "%s %-6s raw %8.0f/s  native %8.0f/s  ServiceKeyRing.sign %8.0f/s  "
                        + "ratio to native %.3f  (%.1f us more per signature)  native/raw %.1fx%n",
                        warmup ? "warm-up " : "round " + (round - 1), algorithm.wireName(), rawRate, nativeRate,
                        ringRate, ringRate / nativeRate, 1e6 / ringRate - 1e6 / nativeRate, nativeRate / rawRate);
            }
            // what JOSE adds around any signature: claims to JSON, base64url, the JWS compact form
            double plumbing = measure(millis / 3, () -> {
                JWSObject jws = new JWSObject(plumbingHeader, new Payload(JSONObjectUtils.toJSONString(claims())));
                jws.sign(NO_SIGNATURE);
                return jws.serialize();
            });
            System.out.printf(Locale.ROOT, "%s JOSE plumbing with a no-op signer: %.1f us per token%n",
                    warmup ? "warm-up " : "round " + (round - 1), 1e6 / plumbing);
        }
    }

    /** Signs nothing: isolates the cost of everything around the signature. */
    private static final JWSSigner NO_SIGNATURE = new JWSSigner() {
        private final JCAContext context = new JCAContext();

        @Override
        public Base64URL sign(JWSHeader header, byte[] signingInput) {
            return Base64URL.encode(new byte[64]);
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.ES256);
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    };

    /** An ID token's claims, built per call as the ID-token step will build them. */
    private static Map<String, Object> claims() {
        long now = System.currentTimeMillis() / 1000;
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://as.example.com/as/1234567890");
        claims.put("sub", "248289761001");
        claims.put("aud", "804663318610105");
        claims.put("exp", now + 3600);
        claims.put("iat", now);
        claims.put("auth_time", now - 10);
        claims.put("nonce", "n-0S6_WzA2Mj");
        claims.put("at_hash", "77QmUPtjPfzWtF2AnpK9RQ");
        claims.put("s_hash", "LDktKdoQak3Pk0cnXxCltA");
        return claims;
    }

    private static String payloadJson(Map<String, Object> claims) {
        StringBuilder json = new StringBuilder("{");
        claims.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                .append("\":").append(value instanceof String ? "\"" + value + "\"" : value));
        return json.append('}').toString();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface Raw {
        Object sign(byte[] input) throws Exception;
    }

    @FunctionalInterface
    private interface Op {
        Object run() throws Exception;
    }

    /** The raw loop of the JDK's provider ({@code JoseProvider.jdk()}) or of the one {@code jca} picks (Tink for EdDSA). */
    private static Raw raw(SigningAlgorithm algorithm, JwkPair pair, JoseProvider jca) throws Exception {
        JWK jwk = JWK.parse(pair.privateJwk().reveal());
        if (algorithm == SigningAlgorithm.EdDSA) {
            Ed25519Sign tink = new Ed25519Sign(jwk.toOctetKeyPair().getDecodedD());
            return tink::sign;
        }
        PrivateKey key = algorithm == SigningAlgorithm.ES256 ? jwk.toECKey().toPrivateKey()
                : jwk.toRSAKey().toPrivateKey();
        Signature signature = jca.rawSigner(key, JWSAlgorithm.parse(algorithm.wireName()));
        return input -> {
            signature.update(input);
            return signature.sign();
        };
    }

    /**
     * Operations per second of this thread's CPU time (not wall time): on a machine shared with other work, a
     * thread that waits for a core is not charged for the wait, so the two sides of a ratio stay comparable.
     */
    private static double measure(long millis, Op op) throws Exception {
        long count = 0;
        Object sink = null;
        long start = CPU.getCurrentThreadCpuTime();
        long end = start + millis * 1_000_000;
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                sink = op.run();
            }
            count += 16;
            now = CPU.getCurrentThreadCpuTime();
        } while (now < end);
        if (sink == null) {
            throw new IllegalStateException();
        }
        return count * 1e9 / (now - start);
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
}
