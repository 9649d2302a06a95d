package io.grantsmith.facade.token;

import io.grantsmith.api.dto.IDTokenReissueResponse;
import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.core.authorization.ClaimsRequestParser;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.idtoken.IdTokenReissueResult;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.IssuedToken;
import io.grantsmith.core.result.RequestFacts;
import io.grantsmith.core.result.TokenFailResult;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.facade.json.JacksonJsonReader;
import io.grantsmith.facade.json.ResponseContent;
import java.util.List;

/**
 * The one place where engine results become Authlete's wide DTOs: every action's record is flattened into
 * {@link TokenResponse} (and its issue/fail siblings) with exactly the fields that action fills.
 */
public final class TokenResponses {
    private final ResponseContent content;

    /** Reads the claims requests kept on grants, which were checked when they arrived: parsing cannot fail. */
    private final ClaimsRequestParser claimsRequests = new ClaimsRequestParser(new JacksonJsonReader());

    public TokenResponses(ResponseContent content) {
        this.content = content;
    }

    public TokenResponse toResponse(TokenResult result) {
        TokenResponse response = new TokenResponse();
        result(response, result.result());
        facts(response, result.facts());
        response.setAction(result.action());
        if (result instanceof TokenResult.Issued issued) {
            issuance(response, issued.issuance());
            response.setResponseContent(content.token(issued.issuance()));
            if (result instanceof TokenResult.IdTokenReissuable reissuable && reissuable.claimsRequest() != null) {
                // what the authorization server passes back to /idtoken/reissue as 'claims' (valued)
                List<String> names = List.copyOf(claimsRequests.parse(reissuable.claimsRequest()).idToken().keySet());
                response.setRequestedIdTokenClaims(names.isEmpty() ? null : names.toArray(String[]::new));
            }
        } else if (result instanceof TokenResult.Password password) {
            response.setTicket(password.ticket())
                    .setUsername(password.username())
                    .setPassword(password.password())
                    .setScopes(WireValues.scopes(password.scopes()))
                    .setResources(WireValues.strings(password.resources()));
        } else if (result instanceof TokenResult.Refused refused) {
            response.setResponseContent(content.error(result.facts().service(), refused.error()));
        }
        return response;
    }

    /** The action and the client's body only; see {@link TokenAnswer}. */
    public TokenAnswer toAnswer(TokenResult result) {
        if (result instanceof TokenResult.Issued issued) {
            return TokenAnswer.of(result.action(), content.token(issued.issuance()));
        }
        if (result instanceof TokenResult.Password password) {
            return new TokenAnswer(TokenResponse.Action.PASSWORD, null, new TokenAnswer.PasswordStep(
                    password.ticket(), password.facts().client().client().id(), password.username(),
                    password.password()), null);
        }
        TokenResult.Refused refused = (TokenResult.Refused) result; // the third and last kind of outcome
        return TokenAnswer.of(result.action(), content.error(result.facts().service(), refused.error()));
    }

    /**
     * A password grant refused at the built-in token endpoint because the user's credentials are wrong:
     * {@code invalid_grant}, as RFC 6749 §5.2 says, with the result of {@code /auth/token/fail} (which itself keeps
     * Authlete's {@code invalid_request}). Any other outcome of the fail call is passed on unchanged.
     */
    public TokenAnswer toCredentialsRefusal(TokenFailResult result) {
        OAuthError error = result.error();
        Service service = result.facts().service();
        return switch (result.action()) {
            case BAD_REQUEST -> TokenAnswer.of(TokenResponse.Action.BAD_REQUEST,
                    content.error(service, new OAuthError(OAuthErrorCode.INVALID_GRANT, error.result())));
            case INTERNAL_SERVER_ERROR -> TokenAnswer.of(TokenResponse.Action.INTERNAL_SERVER_ERROR,
                    content.error(service, error));
        };
    }

    /** An error body for the service's clients, with the service's choices about description and URI. */
    public String errorContent(Service service, OAuthError error) {
        return content.error(service, error);
    }

    public TokenIssueResponse toResponse(TokenIssueResult result) {
        TokenIssueResponse response = new TokenIssueResponse();
        response.setResultCode(result.result().code().code());
        response.setResultMessage(result.result().formatted());
        RequestFacts facts = result.facts();
        response.setServiceAttributes(WireValues.attributes(facts.service().attributes()));
        ClientIdentity client = facts.client();
        if (client != null) {
            response.setClientId(client.client().id())
                    .setClientIdAlias(client.client().alias())
                    .setClientIdAliasUsed(client.aliasUsed())
                    .setClientAttributes(WireValues.attributes(client.client().attributes()));
        }
        response.setAction(result.action());
        if (result instanceof TokenIssueResult.Ok ok) {
            Issuance issuance = ok.issuance();
            IssuedToken access = issuance.accessToken();
            IssuedToken refresh = issuance.refreshToken();
            response.setResponseContent(content.token(issuance))
                    .setAccessToken(access.value())
                    .setAccessTokenExpiresAt(access.expiresAt().toEpochMilli())
                    .setAccessTokenDuration(access.duration().getSeconds())
                    .setSubject(issuance.subject())
                    .setScopes(WireValues.scopes(issuance.scopes()))
                    .setProperties(WireValues.properties(issuance.properties()))
                    .setAccessTokenResources(WireValues.strings(issuance.accessTokenResources()))
                    .setRefreshTokenScopes(WireValues.scopes(issuance.refreshTokenScopes()));
            if (refresh != null) {
                response.setRefreshToken(refresh.value())
                        .setRefreshTokenExpiresAt(refresh.expiresAt().toEpochMilli())
                        .setRefreshTokenDuration(refresh.duration().getSeconds());
            }
        } else if (result instanceof TokenIssueResult.InternalServerError refusal) {
            response.setResponseContent(content.error(facts.service(), refusal.error()));
        }
        return response;
    }

    /**
     * The answer to {@code /idtoken/reissue}. A refusal's {@code responseContent} is a {@code server_error} body,
     * which the authorization server sends with 500 (the client did nothing wrong).
     */
    public IDTokenReissueResponse toResponse(Service service, IdTokenReissueResult result) {
        IDTokenReissueResponse response = new IDTokenReissueResponse();
        response.setResultCode(result.result().code().code());
        response.setResultMessage(result.result().formatted());
        if (result instanceof IdTokenReissueResult.Ok ok) {
            return response.setAction(IDTokenReissueResponse.Action.OK)
                    .setIdToken(ok.issuance().idToken())
                    .setResponseContent(content.token(ok.issuance()));
        }
        String error = content.error(service, new OAuthError(OAuthErrorCode.SERVER_ERROR, result.result()));
        if (result instanceof IdTokenReissueResult.CallerError) {
            return response.setAction(IDTokenReissueResponse.Action.CALLER_ERROR).setResponseContent(error);
        }
        return response.setAction(IDTokenReissueResponse.Action.INTERNAL_SERVER_ERROR).setResponseContent(error);
    }

    /**
     * The built-in token endpoint's answer to a refresh of an OpenID Connect grant: the token response with the
     * reissued ID token; or, when none could be minted, the renewed tokens without one (they are already rotated:
     * refusing now would lose them for the client).
     */
    public TokenAnswer toAnswer(TokenResult.Issued refreshed, IdTokenReissueResult reissued) {
        if (reissued instanceof IdTokenReissueResult.Ok ok) {
            return TokenAnswer.of(TokenResponse.Action.OK, content.token(ok.issuance()));
        }
        return TokenAnswer.of(TokenResponse.Action.OK, content.token(refreshed.issuance()));
    }

    public TokenFailResponse toResponse(TokenFailResult result) {
        TokenFailResponse response = new TokenFailResponse()
                .setAction(result.action())
                .setResponseContent(content.error(result.facts().service(), result.error()));
        response.setResultCode(result.result().code().code());
        response.setResultMessage(result.result().formatted());
        return response;
    }

    private static void result(TokenResponse response, ResultMessage result) {
        response.setResultCode(result.code().code());
        response.setResultMessage(result.formatted());
    }

    private static void facts(TokenResponse response, RequestFacts facts) {
        response.setGrantType(facts.grantType());
        response.setServiceAttributes(WireValues.attributes(facts.service().attributes()));
        ClientIdentity client = facts.client();
        if (client != null) {
            response.setClientId(client.client().id())
                    .setClientIdAlias(client.client().alias())
                    .setClientIdAliasUsed(client.aliasUsed())
                    .setClientAuthMethod(client.reportedAuthMethod())
                    .setClientAttributes(WireValues.attributes(client.client().attributes()));
        }
    }

    private static void issuance(TokenResponse response, Issuance issuance) {
        IssuedToken access = issuance.accessToken();
        response.setIdToken(issuance.idToken());
        if (issuance.requestedIdTokenClaims() != null) {
            response.setRequestedIdTokenClaims(issuance.requestedIdTokenClaims().toArray(String[]::new));
        }
        response.setAccessToken(access.value())
                .setAccessTokenExpiresAt(access.expiresAt().toEpochMilli())
                .setAccessTokenDuration(access.duration().getSeconds())
                .setSubject(issuance.subject())
                .setScopes(WireValues.scopes(issuance.scopes()))
                .setProperties(WireValues.properties(issuance.properties()))
                .setResources(WireValues.strings(issuance.resources()))
                .setAccessTokenResources(WireValues.strings(issuance.accessTokenResources()))
                .setRefreshTokenScopes(WireValues.scopes(issuance.refreshTokenScopes()))
                .setPreviousRefreshTokenUsed(issuance.previousRefreshTokenUsed());
        IssuedToken refresh = issuance.refreshToken();
        if (refresh != null) {
            response.setRefreshToken(refresh.value())
                    .setRefreshTokenExpiresAt(refresh.expiresAt().toEpochMilli())
                    .setRefreshTokenDuration(refresh.duration().getSeconds());
        }
    }
}
