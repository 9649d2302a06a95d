package io.grantsmith.core.idtoken;

import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.result.Issuance;
import java.util.Objects;

/** The answer to {@code /idtoken/reissue}: one record per action of Authlete's {@code IDTokenReissueResponse}. */
public sealed interface IdTokenReissueResult {
    ResultMessage result();

    /** The ID token was minted; {@code issuance} is the refresh's token response with it. */
    record Ok(ResultMessage result, Issuance issuance) implements IdTokenReissueResult {
        public Ok {
            Objects.requireNonNull(issuance.idToken(), "idToken");
        }
    }

    /** The server failed, or the service cannot sign ID tokens ({@code INTERNAL_SERVER_ERROR}). */
    record InternalServerError(ResultMessage result) implements IdTokenReissueResult {
    }

    /** The call was wrong: missing or unusable tokens, malformed members ({@code CALLER_ERROR}). */
    record CallerError(ResultMessage result) implements IdTokenReissueResult {
    }
}
