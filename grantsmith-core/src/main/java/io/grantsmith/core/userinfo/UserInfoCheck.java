package io.grantsmith.core.userinfo;

import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import java.util.List;
import java.util.Objects;

/** The outcome of checking an access token presented at the userinfo endpoint. */
public sealed interface UserInfoCheck {
    /**
     * The token may read the user's claims.
     *
     * @param claims the claims request of the token's grant (its {@code userinfo} member counts here), or
     *               {@link ClaimsRequest#NONE}
     * @param consentedClaims the claims the user consented to share, or null when the grant does not say
     */
    record Valid(AccessTokenRecord token, Client client, ClaimsRequest claims, List<String> consentedClaims)
            implements UserInfoCheck {
        public Valid {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(claims, "claims");
            consentedClaims = consentedClaims == null ? null : List.copyOf(consentedClaims);
        }

        /** A token whose grant says nothing about consented claims. */
        public Valid(AccessTokenRecord token, Client client, ClaimsRequest claims) {
            this(token, client, claims, null);
        }
    }

    /** The token may not; {@code result} says why, {@code refusal} how to answer. */
    record Refused(UserInfoRefusal refusal, ResultMessage result) implements UserInfoCheck {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(result, "result");
        }
    }
}
