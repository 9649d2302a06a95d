package io.grantsmith.testkit;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.jose.JwkGenerator;
import io.grantsmith.jose.JwkPair;
import io.grantsmith.jose.SigningKeyGenerator;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A key generator for tests that create many services: a few real keys per key type are generated once per test
 * run and handed out in turn, each time under a fresh random {@code kid} (RS256 and PS256 share the RSA keys). An RSA key takes a few hundred
 * milliseconds on a busy machine; every service creation generating one would add minutes to the suite. Tests of
 * key generation itself use {@link JwkGenerator}.
 */
public final class FastSigningKeys implements SigningKeyGenerator {
    /** Enough distinct keys that a rotation's old, current and next key differ. */
    private static final int KEYS_PER_TYPE = 3;
    private static final Map<SigningAlgorithm.KeyType, List<JwkPair>> POOL = new EnumMap<>(SigningAlgorithm.KeyType.class);

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public JwkPair generate(SigningAlgorithm algorithm) {
        JwkPair key = pool(algorithm).get(Math.floorMod(next.getAndIncrement(), KEYS_PER_TYPE));
        String kid = "test-" + UUID.randomUUID();
        return new JwkPair(kid, algorithm, PrivateJwk.of(relabelled(key.privateJwk().reveal(), kid, algorithm)),
                relabelled(key.publicJwk(), kid, algorithm));
    }

    private static synchronized List<JwkPair> pool(SigningAlgorithm algorithm) {
        return POOL.computeIfAbsent(algorithm.keyType(), type -> {
            JwkGenerator generator = new JwkGenerator(new SecureRandom());
            List<JwkPair> keys = new ArrayList<>();
            for (int i = 0; i < KEYS_PER_TYPE; i++) {
                keys.add(generator.generate(algorithm));
            }
            return List.copyOf(keys);
        });
    }

    private static String relabelled(String jwk, String kid, SigningAlgorithm algorithm) {
        try {
            Map<String, Object> members = JSONObjectUtils.parse(jwk);
            members.put("kid", kid);
            members.put("alg", algorithm.wireName());
            return JSONObjectUtils.toJSONString(members);
        } catch (ParseException e) {
            throw new IllegalStateException("a generated key is JSON", e);
        }
    }
}
