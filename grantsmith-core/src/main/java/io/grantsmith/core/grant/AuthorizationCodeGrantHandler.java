package io.grantsmith.core.grant;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.authorization.CodeRedemptionRules;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.request.RequiredParameter;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * RFC 6749 §4.1.3: the token request that redeems an authorization code. The code is redeemed first, atomically,
 * so that it is used at most once whatever the request says; then the request must repeat what its authorization
 * request said (same client, redirect URI, PKCE verifier). A second redemption fails and revokes the grant the first
 * one issued (RFC 6749 §4.1.2), also when both race: see {@link AuthorizationCodeStore}.
 */
public final class AuthorizationCodeGrantHandler implements GrantHandler {
    private static final ParameterRules RULES = ParameterRules.of(Map.of(
            "code", ResultCode.AUTHORIZATION_CODE_REPEATED,
            "redirect_uri", ResultCode.AUTHORIZATION_CODE_REDIRECT_URI_REPEATED,
            "code_verifier", ResultCode.CODE_VERIFIER_REPEATED), Set.of("resource"));

    private final TokenIssuance issuance;
    private final TokenStore tokens;
    private final AuthorizationCodeStore codes;
    private final CodeGrantIdTokens idTokens;

    public AuthorizationCodeGrantHandler(EngineServices services, AuthorizationCodeStore codes,
            CodeGrantIdTokens idTokens) {
        this.issuance = services.issuance();
        this.tokens = services.tokens();
        this.codes = Objects.requireNonNull(codes, "codes");
        this.idTokens = Objects.requireNonNull(idTokens, "idTokens");
    }

    /**
     * The factory to register: {@code TokenEngineBuilder.grant(AuthorizationCodeGrantHandler.factory(codes, ids))}.
     *
     * @param idTokens mints the ID token of an OpenID Connect grant; {@link CodeGrantIdTokens#NONE} for none
     */
    public static GrantHandler.Factory factory(AuthorizationCodeStore codes, CodeGrantIdTokens idTokens) {
        return services -> new AuthorizationCodeGrantHandler(services, codes, idTokens);
    }

    @Override
    public String grantType() {
        return GrantType.AUTHORIZATION_CODE.wireValue();
    }

    @Override
    public ParameterRules parameterRules() {
        return RULES;
    }

    @Override
    public ResultCode storeFailure() {
        return ResultCode.AUTHORIZATION_CODE_STORE_FAILED;
    }

    @Override
    public TokenResult handle(GrantContext context) {
        FormParameters parameters = context.parameters();
        Service service = context.service();
        Client client = context.client();
        String value = RequiredParameter.read(parameters, "code", ResultCode.AUTHORIZATION_CODE_MISSING,
                ResultCode.AUTHORIZATION_CODE_EMPTY);
        TokenLookup lookup = TokenLookup.of(value);
        AuthorizationCode code = redeemed(codes.redeem(lookup, service.id(), context.now()));
        RequestedAuthorization authorization = code.request();
        CodeRedemptionRules.check(authorization, client.id(), parameters.optional("redirect_uri"),
                parameters.optional("code_verifier"));
        List<String> resources = resources(authorization, ResourceIndicators.validate(parameters.all("resource")));
        UserApproval approval = code.approval();
        TokenRequest request = context.request();
        List<TokenProperty> properties = TokenProperties.merge(approval.properties(),
                TokenProperties.accept(request.getProperties(), ResultCode.AUTHORIZATION_CODE_PROPERTIES_TOO_BIG),
                ResultCode.AUTHORIZATION_CODE_PROPERTIES_TOO_BIG);

        IssuedTokens issued = issuance.issue(NewTokens.builder(context)
                .subject(approval.subject()).scopes(authorization.scopes()).resources(resources)
                .properties(properties)
                .callerChosenAccessToken(request.getAccessToken(), ResultCode.AUTHORIZATION_CODE_ACCESS_TOKEN_INVALID,
                        ResultCode.AUTHORIZATION_CODE_ACCESS_TOKEN_IN_USE)
                .requestedLifetimes(request.getAccessTokenDuration(), request.getRefreshTokenDuration())
                .withRefreshToken(service.supports(GrantType.REFRESH_TOKEN) && client.mayUse(GrantType.REFRESH_TOKEN))
                .withGrant(true) // a reuse of the code must find these tokens to revoke them
                .authentication(authorization.claims(),
                        approval.authTime() == null ? null : Instant.ofEpochSecond(approval.authTime()),
                        approval.acr(), authorization.nonce())
                .consentedClaims(approval.consentedClaims())
                .build());
        if (issued.family() != null && codes.recordIssued(lookup, service.id(), issued.family())) {
            // A second redemption came while these tokens were being issued and could not find them: revoke them
            // here. This redemption was the first, so it still answers with its tokens, as it would have had the
            // reuse come a moment later; they are dead either way (RFC 6749 §4.1.2).
            tokens.revokeGrant(issued.family());
        }
        String idToken;
        try {
            idToken = idTokens.idToken(context, code, issued.accessToken().value());
        } catch (RuntimeException e) {
            // The tokens must not outlive a response that never reached the client.
            if (issued.family() != null) {
                tokens.revokeGrant(issued.family());
            }
            throw e;
        }
        return new TokenResult.Ok(context.facts(), ResultCode.AUTHORIZATION_CODE_OK.message(),
                new Issuance(service.accessTokenType(), issued.accessToken(), issued.refreshToken(),
                        approval.subject(), authorization.scopes(),
                        issued.refreshToken() == null ? null : authorization.scopes(), resources, resources,
                        properties, false, idToken).withRequestedIdTokenClaims(idTokens.requestedIdTokenClaims(code)));
    }

    private AuthorizationCode redeemed(CodeRedemption redemption) {
        if (redemption instanceof CodeRedemption.Redeemed redeemed) {
            return redeemed.code();
        }
        if (redemption instanceof CodeRedemption.AlreadyUsed used) {
            if (used.grant() != null) {
                tokens.revokeGrant(used.grant());
            }
            throw reused();
        }
        throw refusal(redemption instanceof CodeRedemption.Expired ? ResultCode.AUTHORIZATION_CODE_EXPIRED
                : ResultCode.AUTHORIZATION_CODE_NOT_FOUND);
    }

    /** RFC 8707 §2.2: a token request may narrow the resources of its authorization, not widen them. */
    private static List<String> resources(RequestedAuthorization authorization, List<String> requested) {
        if (requested.isEmpty()) {
            return authorization.resources();
        }
        for (String resource : requested) {
            if (!authorization.resources().contains(resource)) {
                throw OAuthException.badRequest(OAuthErrorCode.INVALID_TARGET,
                        ResultCode.AUTHORIZATION_CODE_RESOURCE_NOT_GRANTED, Quoted.of(resource));
            }
        }
        return requested;
    }

    private static OAuthException reused() {
        return refusal(ResultCode.AUTHORIZATION_CODE_REUSED);
    }

    private static OAuthException refusal(ResultCode code) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_GRANT, code);
    }
}
