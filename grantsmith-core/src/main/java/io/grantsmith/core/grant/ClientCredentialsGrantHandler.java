package io.grantsmith.core.grant;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.GrantRequest;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * RFC 6749 §4.4. Confidential clients only; no subject and no refresh token; {@code openid} is dropped from
 * the requested scopes (there is no user to identify), as Authlete does.
 */
public final class ClientCredentialsGrantHandler implements GrantHandler {
    private static final ParameterRules RULES = ParameterRules.of(
            Map.of("scope", ResultCode.CLIENT_CREDENTIALS_SCOPE_REPEATED), Set.of("resource"));
    private static final ScopePolicy.Codes SCOPE_CODES = new ScopePolicy.Codes(
            ResultCode.CLIENT_CREDENTIALS_SCOPE_UNSUPPORTED, ResultCode.CLIENT_CREDENTIALS_SCOPE_NOT_REQUESTABLE,
            ResultCode.CLIENT_CREDENTIALS_SCOPE_REQUIRED);

    private final TokenIssuance issuance;

    public ClientCredentialsGrantHandler(EngineServices services) {
        this.issuance = services.issuance();
    }

    @Override
    public String grantType() {
        return GrantType.CLIENT_CREDENTIALS.wireValue();
    }

    @Override
    public ParameterRules parameterRules() {
        return RULES;
    }

    @Override
    public ResultCode storeFailure() {
        return ResultCode.CLIENT_CREDENTIALS_STORE_FAILED;
    }

    @Override
    public TokenResult handle(GrantContext context) {
        Grant grant = grant(context);
        return grant.result(context, issuance.issue(grant.tokens()));
    }

    @Override
    public CompletionStage<TokenResult> handleAsync(GrantContext context, Executor blockingWork) {
        Grant grant = grant(context);
        return issuance.issueAsync(grant.tokens(), blockingWork).thenApply(issued -> grant.result(context, issued));
    }

    /** What the request asks for, checked, and the tokens to issue for it. */
    private record Grant(NewTokens tokens, Scopes scopes, List<String> resources, List<TokenProperty> properties) {
        TokenResult result(GrantContext context, IssuedTokens issued) {
            return new TokenResult.Ok(context.facts(), ResultCode.CLIENT_CREDENTIALS_OK.message(),
                    new Issuance(context.service().accessTokenType(), issued.accessToken(), null, null, scopes, null,
                            resources, resources, properties, false));
        }
    }

    private static Grant grant(GrantContext context) {
        Service service = context.service();
        Client client = context.client();
        if (client.isPublic()) {
            throw OAuthException.badRequest(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    ResultCode.CLIENT_CREDENTIALS_PUBLIC_CLIENT);
        }
        GrantRequest.ClientCredentials grant = parse(context.parameters());
        // openid is dropped whether requested or among the service's defaults: there is no user here
        Scopes scopes = ScopePolicy.resolve(service, client, grant.scope(), !grant.scope().isEmpty(), SCOPE_CODES,
                "openid");
        List<String> resources = ResourceIndicators.validate(grant.resources());
        TokenRequest request = context.request();
        List<TokenProperty> properties = TokenProperties.accept(request.getProperties(),
                ResultCode.CLIENT_CREDENTIALS_PROPERTIES_TOO_BIG);
        NewTokens tokens = NewTokens.builder(context)
                .scopes(scopes).resources(resources).properties(properties)
                .callerChosenAccessToken(request.getAccessToken(), ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_INVALID,
                        ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_IN_USE)
                .requestedLifetimes(request.getAccessTokenDuration(), 0)
                .build();
        return new Grant(tokens, scopes, resources, properties);
    }

    static GrantRequest.ClientCredentials parse(FormParameters parameters) {
        return new GrantRequest.ClientCredentials(Scopes.parse(parameters.optional("scope")),
                GrantRequest.resourcesOf(parameters));
    }
}
