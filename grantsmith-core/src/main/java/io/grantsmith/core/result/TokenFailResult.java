package io.grantsmith.core.result;

import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;

/** The answer to {@code /auth/token/fail}: always a refusal to send to the client. */
public sealed interface TokenFailResult {
    RequestFacts facts();

    OAuthError error();

    /** The {@code action} of Authlete's response, declared by each record. */
    TokenFailResponse.Action action();

    default ResultMessage result() {
        return error().result();
    }

    record BadRequest(RequestFacts facts, OAuthError error) implements TokenFailResult {
        @Override
        public TokenFailResponse.Action action() {
            return TokenFailResponse.Action.BAD_REQUEST;
        }
    }

    record InternalServerError(RequestFacts facts, OAuthError error) implements TokenFailResult {
        @Override
        public TokenFailResponse.Action action() {
            return TokenFailResponse.Action.INTERNAL_SERVER_ERROR;
        }
    }
}
