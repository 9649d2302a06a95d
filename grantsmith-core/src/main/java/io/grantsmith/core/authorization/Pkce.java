package io.grantsmith.core.authorization;

import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;

/**
 * The PKCE rules of an authorization-code request (RFC 7636 §4.3, RFC 9700 §2.1.1). A challenge is required
 * when the service or the client sets {@code pkceRequired}, and always from public clients; {@code plain} is
 * accepted unless the service or the client sets {@code pkceS256Required}, which also makes the method
 * mandatory (as Authlete does).
 */
final class Pkce {
    static final int MIN_LENGTH = 43;
    static final int MAX_LENGTH = 128;

    private Pkce() {
    }

    /** The request's challenge, or null when it has none and needs none. */
    static CodeChallenge challenge(Service service, Client client, FormParameters parameters) {
        String challenge = parameters.first("code_challenge");
        if (challenge == null) {
            if (service.authorization().pkceRequired() || client.metadata().pkceRequired()) {
                throw refusal(ResultCode.CODE_CHALLENGE_REQUIRED);
            }
            if (client.isPublic()) {
                throw refusal(ResultCode.CODE_CHALLENGE_REQUIRED_FOR_PUBLIC_CLIENT);
            }
            return null;
        }
        if (challenge.isEmpty()) {
            throw refusal(ResultCode.CODE_CHALLENGE_EMPTY);
        }
        if (!wellFormed(challenge)) {
            throw refusal(ResultCode.CODE_CHALLENGE_MALFORMED);
        }
        boolean s256Required = service.authorization().pkceS256Required() || client.metadata().pkceS256Required();
        String methodValue = parameters.optional("code_challenge_method");
        CodeChallengeMethod method;
        if (methodValue == null) {
            if (s256Required) {
                throw refusal(ResultCode.CODE_CHALLENGE_METHOD_REQUIRED);
            }
            method = CodeChallengeMethod.PLAIN; // RFC 7636 §4.3
        } else {
            method = CodeChallengeMethod.fromWireValue(methodValue);
            if (method == null) {
                throw refusal(ResultCode.CODE_CHALLENGE_METHOD_UNKNOWN, Quoted.of(methodValue));
            }
        }
        if (s256Required && method != CodeChallengeMethod.S256) {
            throw refusal(ResultCode.CODE_CHALLENGE_METHOD_NOT_S256);
        }
        return new CodeChallenge(challenge, method);
    }

    /** RFC 7636 §4.2: 43 to 128 characters of ALPHA / DIGIT / "-" / "." / "_" / "~". */
    static boolean wellFormed(String challenge) {
        if (challenge.length() < MIN_LENGTH || challenge.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < challenge.length(); i++) {
            char c = challenge.charAt(i);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!unreserved) {
                return false;
            }
        }
        return true;
    }

    private static OAuthException refusal(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code, args);
    }
}
