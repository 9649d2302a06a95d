package io.grantsmith.core.result;

import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Scopes;
import java.util.List;
import java.util.Objects;

/**
 * The answer to {@code /auth/token}: one record per {@code action}, each with only its own fields, in three kinds
 * that callers branch on: {@link Issued}, {@link Password} and {@link Refused} ({@code ResultActionsTest} keeps it
 * to these three).
 */
public sealed interface TokenResult {
    RequestFacts facts();

    /** The result code and message of this outcome. */
    ResultMessage result();

    /**
     * The {@code action} of Authlete's response. Each record declares its own, so a new outcome does not compile
     * until it has one.
     */
    TokenResponse.Action action();

    /** Tokens were issued: the outcomes whose {@code responseContent} is the token response. */
    sealed interface Issued extends TokenResult {
        Issuance issuance();
    }

    /** The request was refused: the outcomes whose {@code responseContent} is the error body of {@code error}. */
    sealed interface Refused extends TokenResult {
        OAuthError error();

        @Override
        default ResultMessage result() {
            return error().result();
        }
    }

    /** Tokens were issued ({@code OK}). */
    record Ok(RequestFacts facts, ResultMessage result, Issuance issuance) implements Issued {
        @Override
        public TokenResponse.Action action() {
            return TokenResponse.Action.OK;
        }
    }

    /**
     * Tokens were renewed from a refresh token of an OpenID Connect grant with a user, on a service with
     * {@code idTokenReissuable} ({@code ID_TOKEN_REISSUABLE}): the authorization server may send the token response
     * as it is, or have {@code /idtoken/reissue} add a new ID token to it (OpenID Connect Core §12.2).
     *
     * @param claimsRequest the grant's {@code claims} request (JSON as given at the authorization), or null: its
     *                      {@code id_token} members are the response's {@code requestedIdTokenClaims}
     */
    record IdTokenReissuable(RequestFacts facts, ResultMessage result, Issuance issuance, String claimsRequest)
            implements Issued {
        @Override
        public TokenResponse.Action action() {
            return TokenResponse.Action.ID_TOKEN_REISSUABLE;
        }
    }

    /**
     * A valid password grant request ({@code PASSWORD}): the authorization server checks the user's
     * credentials, then calls {@code /auth/token/issue} or {@code /auth/token/fail} with the ticket.
     */
    record Password(RequestFacts facts, ResultMessage result, String ticket, String username, String password,
            Scopes scopes, List<String> resources) implements TokenResult {
        public Password {
            Objects.requireNonNull(ticket, "ticket");
            resources = List.copyOf(resources);
        }

        @Override
        public TokenResponse.Action action() {
            return TokenResponse.Action.PASSWORD;
        }

        @Override
        public String toString() {
            return "Password[facts=" + facts + ", result=" + result + ", username=" + username + "]";
        }
    }

    /** The client's request is wrong ({@code BAD_REQUEST}). */
    record BadRequest(RequestFacts facts, OAuthError error) implements Refused {
        @Override
        public TokenResponse.Action action() {
            return TokenResponse.Action.BAD_REQUEST;
        }
    }

    /** Client authentication failed ({@code INVALID_CLIENT}). */
    record InvalidClient(RequestFacts facts, OAuthError error) implements Refused {
        @Override
        public TokenResponse.Action action() {
            return TokenResponse.Action.INVALID_CLIENT;
        }
    }

    /** The caller's request was wrong or the server failed ({@code INTERNAL_SERVER_ERROR}). */
    record InternalServerError(RequestFacts facts, OAuthError error) implements Refused {
        @Override
        public TokenResponse.Action action() {
            return TokenResponse.Action.INTERNAL_SERVER_ERROR;
        }
    }
}
