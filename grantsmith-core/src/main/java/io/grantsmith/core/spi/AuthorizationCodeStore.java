package io.grantsmith.core.spi;

import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.FamilyId;
import java.time.Instant;

/**
 * Authorization codes. A code is redeemed at most once; a second redemption must be able to find and revoke what
 * the first one issued (RFC 6749 §4.1.2), also when both race. The first redeemer records the grant it issued
 * with {@link #recordIssued}; a reuse is recorded on the code. Whichever of the two comes second learns of the
 * other: a reuse after the record gets the grant to revoke, a record after a reuse is told to revoke its own.
 */
public interface AuthorizationCodeStore {
    void saveAuthorizationCode(AuthorizationCode code);

    /**
     * Redeems the code of {@code serviceId} this lookup finds (see {@link TokenLookup}), atomically:
     * {@link CodeRedemption.Redeemed} for exactly one caller while it is unexpired. A later redemption is
     * {@link CodeRedemption.AlreadyUsed} (expired or not) and is recorded as a reuse. A code of another service
     * counts as not found.
     */
    CodeRedemption redeem(TokenLookup code, long serviceId, Instant now);

    /**
     * Records the grant the redemption of this code issued, so that a reuse can revoke it.
     *
     * @return true when the code was reused meanwhile: the caller must revoke {@code grant} itself
     */
    boolean recordIssued(TokenLookup code, long serviceId, FamilyId grant);
}
