package io.grantsmith.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What the authorization server said when it approved an authorization request ({@code /auth/authorization/issue}):
 * who the user is and how they authenticated. The token step puts it into the tokens and the ID token.
 *
 * @param subject    the user's identifier, bound to the code and its tokens
 * @param sub        the value for the ID token's {@code sub} when it differs from {@code subject}, or null
 * @param authTime   when the user authenticated, in seconds since the epoch, or null when the server did not say
 * @param acr        the authentication context class reference satisfied, or null
 * @param claims     the claim values for the ID token, a JSON object as the server sent it, or null
 * @param properties extra properties for the tokens
 */
public record UserApproval(String subject, String sub, Long authTime, String acr, String claims,
        List<TokenProperty> properties) {

    public UserApproval {
        Objects.requireNonNull(subject, "subject");
        properties = List.copyOf(properties);
    }

    @Override
    public String toString() {
        return "UserApproval[subject=" + subject + ", authTime=" + authTime + ", acr=" + acr + "]";
    }
}
