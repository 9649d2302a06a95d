package io.grantsmith.core.spi;

import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.FamilyId;
import java.util.Objects;

/** The outcome of redeeming an authorization code ({@link AuthorizationCodeStore#redeem}). */
public sealed interface CodeRedemption {
    /** This call redeemed the code: the caller issues the tokens. */
    record Redeemed(AuthorizationCode code) implements CodeRedemption {
        public Redeemed {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * The code was redeemed before; this reuse is now recorded on it.
     *
     * @param grant the grant the first redemption issued, to revoke; null while the first redeemer has not recorded
     *              it yet (it is then told of the reuse by {@link AuthorizationCodeStore#recordIssued})
     */
    record AlreadyUsed(FamilyId grant) implements CodeRedemption {
    }

    /** The code exists but expired before it was redeemed. */
    record Expired() implements CodeRedemption {
    }

    /** No such code for this service. */
    record NotFound() implements CodeRedemption {
    }
}
