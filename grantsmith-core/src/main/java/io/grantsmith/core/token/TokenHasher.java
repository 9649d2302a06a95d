package io.grantsmith.core.token;

import io.grantsmith.core.model.TokenHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of token values: how tokens, tickets and API secrets are looked up without being stored. */
public final class TokenHasher {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(TokenHasher::newDigest);

    private TokenHasher() {
    }

    public static TokenHash hash(String value) {
        MessageDigest digest = SHA_256.get();
        return TokenHash.of(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
