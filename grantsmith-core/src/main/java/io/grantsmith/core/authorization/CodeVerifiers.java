package io.grantsmith.core.authorization;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Checks a token request's {@code code_verifier} against the challenge recorded with its authorization code (RFC
 * 7636 §4.5, §4.6). Both downgrades are refused: a code issued with a challenge needs a verifier, and a verifier
 * for a code issued without one is refused too (RFC 9700 §2.1.1), so that an attacker cannot strip PKCE from
 * either side. Values are compared in constant time.
 */
public final class CodeVerifiers {
    private CodeVerifiers() {
    }

    /**
     * @param challenge the code's challenge, or null when it was issued without one
     * @param method    its method; ignored without a challenge
     * @param verifier  the token request's {@code code_verifier}, or null when absent
     * @throws OAuthException {@code invalid_grant} when the verifier is missing, superfluous, malformed or wrong
     */
    public static void verify(String challenge, CodeChallengeMethod method, String verifier) {
        if (challenge == null) {
            if (verifier != null) {
                throw refusal(ResultCode.CODE_VERIFIER_WITHOUT_CHALLENGE);
            }
            return;
        }
        if (verifier == null) {
            throw refusal(ResultCode.CODE_VERIFIER_MISSING);
        }
        if (verifier.isEmpty()) {
            throw refusal(ResultCode.CODE_VERIFIER_EMPTY);
        }
        // RFC 7636 §4.1: 43 to 128 characters of the unreserved set, the same grammar as the challenge's
        if (!Pkce.wellFormed(verifier)) {
            throw refusal(ResultCode.CODE_VERIFIER_MALFORMED);
        }
        String derived = method == CodeChallengeMethod.S256 ? s256(verifier) : verifier;
        if (!MessageDigest.isEqual(derived.getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII))) {
            throw refusal(ResultCode.CODE_VERIFIER_MISMATCH);
        }
    }

    /** BASE64URL-ENCODE(SHA256(ASCII(code_verifier))), RFC 7636 §4.2. */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static OAuthException refusal(ResultCode code) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_GRANT, code);
    }
}
