package io.grantsmith.core.authorization;

import io.grantsmith.api.types.CodeChallengeMethod;
import java.util.Objects;

/**
 * The PKCE challenge of an authorization request (RFC 7636 §4.3), checked against the verifier at the token
 * endpoint.
 *
 * @param challenge 43 to 128 characters of the unreserved set
 * @param method    how the verifier becomes the challenge; {@code plain} when the request did not say
 */
public record CodeChallenge(String challenge, CodeChallengeMethod method) {
    public CodeChallenge {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(method, "method");
    }
}
