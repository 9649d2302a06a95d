package io.grantsmith.core.grant;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.GrantRequest;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.core.token.TokenLifetimes;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    private final TokenStore tokens;
    private final TokenValues values;

    public ClientCredentialsGrantHandler(EngineServices services) {
        this.tokens = services.tokens();
        this.values = services.values();
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
        TokenValue value = AccessTokenValue.choose(request.getAccessToken(), values,
                ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_INVALID);
        Duration lifetime = TokenLifetimes.accessToken(service, client, scopes, request.getAccessTokenDuration());
        MintedToken accessToken;
        for (int attempt = 1; ; attempt++) {
            accessToken = MintedToken.of(value, context.now(), lifetime);
            AccessTokenRecord record = new AccessTokenRecord(accessToken.key(), accessToken.hash(),
                    value.callerChosen(), service.id(), client.id(), null, scopes, resources,
                    GrantType.CLIENT_CREDENTIALS, context.now(), accessToken.expiresAt(), null, properties,
                    context.identity().aliasUsed());
            if (tokens.saveAccessToken(record) == SaveOutcome.SAVED) {
                break;
            }
            AccessTokenValue.checkRetry(value, attempt, ResultCode.CLIENT_CREDENTIALS_ACCESS_TOKEN_IN_USE);
            value = values.newToken();
        }
        Issuance issuance = new Issuance(service.accessTokenType(), accessToken.issued(context.now()), null, null,
                scopes, null, resources, resources, properties, false);
        return new TokenResult.Ok(context.facts(), ResultCode.CLIENT_CREDENTIALS_OK.message(), issuance);
    }

    static GrantRequest.ClientCredentials parse(FormParameters parameters) {
        return new GrantRequest.ClientCredentials(Scopes.parse(parameters.optional("scope")),
                GrantRequest.resourcesOf(parameters));
    }
}
