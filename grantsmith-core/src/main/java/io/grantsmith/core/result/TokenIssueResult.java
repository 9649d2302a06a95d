package io.grantsmith.core.result;

import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;

/** The answer to {@code /auth/token/issue}. */
public sealed interface TokenIssueResult {
    RequestFacts facts();

    ResultMessage result();

    record Ok(RequestFacts facts, ResultMessage result, Issuance issuance) implements TokenIssueResult {
    }

    record InternalServerError(RequestFacts facts, OAuthError error) implements TokenIssueResult {
        @Override
        public ResultMessage result() {
            return error.result();
        }
    }
}
