package io.grantsmith.core.result;

import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;

/** The answer to {@code /auth/token/fail}: always a refusal to send to the client. */
public sealed interface TokenFailResult {
    RequestFacts facts();

    OAuthError error();

    default ResultMessage result() {
        return error().result();
    }

    record BadRequest(RequestFacts facts, OAuthError error) implements TokenFailResult {
    }

    record InternalServerError(RequestFacts facts, OAuthError error) implements TokenFailResult {
    }
}
