package io.grantsmith.core.revocation;

import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;
import java.util.Objects;

/** The outcome of an RFC 7009 revocation request ({@code /auth/revocation}). */
public sealed interface Revocation {
    ResultMessage result();

    /** Authlete's action for this outcome; every outcome has one, so a new outcome does not compile without it. */
    RevocationResponse.Action action();

    /** An outcome that refuses the request with an OAuth error. */
    sealed interface Refused extends Revocation {
        OAuthError error();

        @Override
        default ResultMessage result() {
            return error().result();
        }
    }

    /**
     * 200: the token was revoked, or it was unknown or already invalid, which RFC 7009 §2.2 does not treat as an
     * error.
     */
    record Ok(ResultMessage result) implements Revocation {
        public Ok {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public RevocationResponse.Action action() {
            return RevocationResponse.Action.OK;
        }
    }

    /** 400: the request is malformed, or the token belongs to another client (RFC 7009 §2.1, §2.2.1). */
    record BadRequest(OAuthError error) implements Refused {
        public BadRequest {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public RevocationResponse.Action action() {
            return RevocationResponse.Action.BAD_REQUEST;
        }
    }

    /** 401 (or 400 without the Authorization header): the client could not be authenticated. */
    record InvalidClient(OAuthError error, boolean headerUsed) implements Refused {
        public InvalidClient {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public RevocationResponse.Action action() {
            return RevocationResponse.Action.INVALID_CLIENT;
        }
    }

    /** 500: the caller sent no parameters, or the store failed. */
    record InternalServerError(OAuthError error) implements Refused {
        public InternalServerError {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public RevocationResponse.Action action() {
            return RevocationResponse.Action.INTERNAL_SERVER_ERROR;
        }
    }
}
