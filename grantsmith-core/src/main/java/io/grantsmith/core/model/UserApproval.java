package io.grantsmith.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the authorization server said when it approved an authorization request ({@code /auth/authorization/issue}):
 * who the user is and how they authenticated. The token step puts it into the tokens and the ID token.
 *
 * @param subject         the user's identifier, bound to the code and its tokens
 * @param sub             the value for the ID token's {@code sub} when it differs from {@code subject}, or null
 * @param authTime        when the user authenticated, in seconds since the epoch, or null when the server did not
 *                        say
 * @param acr             the authentication context class reference satisfied, or null
 * @param claims          the claim values for the ID token, a JSON object as the server sent it, or null
 * @param properties      extra properties for the tokens
 * @param idtHeaderParams extra JOSE header members for the ID tokens of the flow, a JSON object without
 *                        {@code alg} and {@code kid}, or null
 * @param consentedClaims the claims the user consented to share, or null when the server did not say (then
 *                        every requested claim is consented)
 * @param idTokenAudType  the shape of the ID token's {@code aud} for this flow, or null for the service's
 */
public record UserApproval(String subject, String sub, Long authTime, String acr, String claims,
        List<TokenProperty> properties, String idtHeaderParams, List<String> consentedClaims,
        IdTokenAudType idTokenAudType) {

    public UserApproval {
        Objects.requireNonNull(subject, "subject");
        properties = List.copyOf(properties);
        consentedClaims = consentedClaims == null ? null : List.copyOf(consentedClaims);
    }

    /** An approval that says nothing about ID token headers, consented claims or the {@code aud} shape. */
    public UserApproval(String subject, String sub, Long authTime, String acr, String claims,
            List<TokenProperty> properties) {
        this(subject, sub, authTime, acr, claims, properties, null, null, null);
    }

    /** The subject the ID token's {@code sub} is made from: {@link #sub()} when given, else {@link #subject()}. */
    public String idTokenSubject() {
        return sub != null && !sub.isEmpty() ? sub : subject;
    }

    @Override
    public String toString() {
        return "UserApproval[subject=" + subject + ", authTime=" + authTime + ", acr=" + acr + "]";
    }
}
