package io.grantsmith.core.result;

import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;

/** The answer to {@code /auth/token/issue}. */
public sealed interface TokenIssueResult {
    RequestFacts facts();

    ResultMessage result();

    /** The {@code action} of Authlete's response, declared by each record. */
    TokenIssueResponse.Action action();

    record Ok(RequestFacts facts, ResultMessage result, Issuance issuance) implements TokenIssueResult {
        @Override
        public TokenIssueResponse.Action action() {
            return TokenIssueResponse.Action.OK;
        }
    }

    record InternalServerError(RequestFacts facts, OAuthError error) implements TokenIssueResult {
        @Override
        public TokenIssueResponse.Action action() {
            return TokenIssueResponse.Action.INTERNAL_SERVER_ERROR;
        }

        @Override
        public ResultMessage result() {
            return error.result();
        }
    }
}
