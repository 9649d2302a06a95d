package io.grantsmith.core.userinfo;

import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import java.util.Objects;

/** The outcome of checking an access token presented at the userinfo endpoint. */
public sealed interface UserInfoCheck {
    /**
     * The token may read the user's claims.
     *
     * @param claims the claims request of the token's grant (its {@code userinfo} member counts here), or
     *               {@link ClaimsRequest#NONE}
     */
    record Valid(AccessTokenRecord token, Client client, ClaimsRequest claims) implements UserInfoCheck {
        public Valid {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(claims, "claims");
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
