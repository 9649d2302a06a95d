package io.grantsmith.core.grant;

import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.authorization.ClaimsRequestParser;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.idtoken.IdTokenException;
import io.grantsmith.core.idtoken.IdTokenIssuer;
import io.grantsmith.core.idtoken.IdTokenRequest;
import io.grantsmith.core.idtoken.MintedIdToken;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authorization-code grant's ID token from {@link IdTokenIssuer}: {@code nonce}, {@code auth_time},
 * {@code acr}, {@code at_hash} and the claims the request asked for (its {@code claims} parameter and scopes),
 * valued from what {@code /auth/authorization/issue} said, or from the built-in user directory when it said
 * nothing. Only for grants with {@code openid}.
 */
public final class IssuerCodeGrantIdTokens implements CodeGrantIdTokens {
    private final IdTokenIssuer issuer;
    private final JsonReader json;
    private final ClaimsRequestParser claims;

    public IssuerCodeGrantIdTokens(IdTokenIssuer issuer, JsonReader json) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.json = Objects.requireNonNull(json, "json");
        this.claims = new ClaimsRequestParser(json);
    }

    @Override
    public String idToken(GrantContext context, AuthorizationCode code, String accessToken) {
        RequestedAuthorization request = code.request();
        UserApproval approval = code.approval();
        // /issue's sub stands in for the subject in the ID token only (Authlete: "to hide the actual subject")
        IdTokenRequest token = IdTokenRequest.builder(context.service(), context.client(), approval.idTokenSubject())
                .clientIdAliasUsed(request.clientIdAliasUsed())
                .authTime(approval.authTime() == null ? null : Instant.ofEpochSecond(approval.authTime()))
                .nonce(request.nonce())
                .acr(approval.acr())
                .accessToken(accessToken)
                .audType(approval.idTokenAudType())
                .header(header(approval.idtHeaderParams()))
                .build();
        // Both were checked when they arrived (/auth/authorization and /issue): parsing them again cannot fail
        ClaimsRequest requested = request.claims() == null ? ClaimsRequest.NONE : claims.parse(request.claims());
        try {
            return issuer.issue(token, request.scopes(), requested, true, values(approval.claims()),
                    approval.consentedClaims(), approval.subject()).map(MintedIdToken::value).orElse(null);
        } catch (IdTokenException e) {
            throw new OAuthException(e.serverSide() ? FailureKind.INTERNAL_SERVER_ERROR : FailureKind.BAD_REQUEST,
                    new OAuthError(e.serverSide() ? OAuthErrorCode.SERVER_ERROR : OAuthErrorCode.INVALID_REQUEST,
                            e.result()));
        }
    }

    @Override
    public List<String> requestedIdTokenClaims(AuthorizationCode code) {
        String text = code.request().claims();
        if (text == null) {
            return null;
        }
        ClaimsRequest requested = claims.parse(text); // checked at /auth/authorization: cannot fail
        return requested.idToken().isEmpty() ? null : List.copyOf(requested.idToken().keySet());
    }

    /** The extra header members given at {@code /issue} (checked there: a JSON object without alg and kid). */
    @SuppressWarnings("unchecked")
    private Map<String, Object> header(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return (Map<String, Object>) json.parse(text);
        } catch (MalformedJsonException e) {
            throw new IllegalStateException("idtHeaderParams were checked to be a JSON object at /issue", e);
        }
    }

    /** The claim values given at {@code /issue}; null (the directory's) when none were given. */
    @SuppressWarnings("unchecked")
    private Map<String, ?> values(String text) {
        if (text == null) {
            return null;
        }
        try {
            return (Map<String, Object>) json.parse(text);
        } catch (MalformedJsonException e) {
            throw new IllegalStateException("claims were checked to be a JSON object at /issue", e);
        }
    }
}
