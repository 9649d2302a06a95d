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
 * A key generator for tests that create many services: a few real keys per algorithm are generated once per test
 * run and handed out in turn, each time under a fresh random {@code kid}. An RSA key takes a few hundred
 * milliseconds on a busy machine; every service creation generating one would add minutes to the suite. Tests of
 * key generation itself use {@link JwkGenerator}.
 */
public final class FastSigningKeys implements SigningKeyGenerator {
    /** Enough distinct keys that a rotation's old, current and next key differ. */
    private static final int KEYS_PER_ALGORITHM = 3;
    private static final Map<SigningAlgorithm, List<JwkPair>> POOL = new EnumMap<>(SigningAlgorithm.class);

    private final AtomicInteger next = new AtomicInteger();

    @Override
    public JwkPair generate(SigningAlgorithm algorithm) {
        JwkPair key = pool(algorithm).get(Math.floorMod(next.getAndIncrement(), KEYS_PER_ALGORITHM));
        String kid = "test-" + UUID.randomUUID();
        return new JwkPair(kid, algorithm, PrivateJwk.of(withKid(key.privateJwk().reveal(), kid)),
                withKid(key.publicJwk(), kid));
    }

    private static synchronized List<JwkPair> pool(SigningAlgorithm algorithm) {
        return POOL.computeIfAbsent(algorithm, alg -> {
            JwkGenerator generator = new JwkGenerator(new SecureRandom());
            List<JwkPair> keys = new ArrayList<>();
            for (int i = 0; i < KEYS_PER_ALGORITHM; i++) {
                keys.add(generator.generate(alg));
            }
            return List.copyOf(keys);
        });
    }

    private static String withKid(String jwk, String kid) {
        try {
            Map<String, Object> members = JSONObjectUtils.parse(jwk);
            members.put("kid", kid);
            return JSONObjectUtils.toJSONString(members);
        } catch (ParseException e) {
            throw new IllegalStateException("a generated key is JSON", e);
        }
    }
}
