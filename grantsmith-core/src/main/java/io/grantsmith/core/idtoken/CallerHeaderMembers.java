package io.grantsmith.core.idtoken;

import java.util.Map;
import java.util.Set;

/**
 * Which JWS header members a caller may add to an ID token (Authlete's {@code idtHeaderParams} of
 * {@code /auth/authorization/issue} and {@code /idtoken/reissue}). Refused: what the signing key decides
 * ({@code alg}, {@code kid}, key and certificate references), what changes how the token is processed
 * ({@code crit}, and {@code b64}: RFC 7797's unencoded payload, which relying parties refuse), encryption members
 * (RFC 7516), and {@code typ}/{@code cty} that are not strings (RFC 7515 §4.1.9-10). Each of these would otherwise
 * fail only when the token is signed — for a code, after it was redeemed.
 */
public final class CallerHeaderMembers {
    private static final Set<String> RESERVED = Set.of("alg", "kid", "crit", "b64", "jwk", "jku", "x5u", "x5c",
            "x5t", "x5t#S256", "enc", "zip", "epk", "apu", "apv", "iv", "tag", "p2s", "p2c");

    private CallerHeaderMembers() {
    }

    /** Whether every member of {@code header} (a parsed JSON object) may be added. */
    public static boolean acceptable(Map<?, ?> header) {
        for (Map.Entry<?, ?> member : header.entrySet()) {
            boolean misTyped = ("typ".equals(member.getKey()) || "cty".equals(member.getKey()))
                    && !(member.getValue() instanceof String);
            if (RESERVED.contains(member.getKey()) || misTyped) {
                return false;
            }
        }
        return true;
    }
}
