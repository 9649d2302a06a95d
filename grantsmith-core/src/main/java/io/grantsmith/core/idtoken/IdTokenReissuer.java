package io.grantsmith.core.idtoken;

import io.grantsmith.core.authorization.ClaimsRequest;
import io.grantsmith.core.authorization.ClaimsRequestParser;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.IssuedToken;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authlete's {@code /idtoken/reissue}: a new ID token for the tokens a refresh just issued (OpenID Connect Core
 * §12.2), and the refresh's token response with it. The ID token repeats what the grant record kept of the user's
 * authentication ({@code auth_time}, {@code acr}, the {@code claims} request) so that it is consistent with the
 * first one ({@code iss}, {@code sub}, {@code aud}, {@code azp} and {@code auth_time} are the same), carries the
 * new access token's {@code at_hash} and a new {@code iat}/{@code exp}, and no {@code nonce}: there was no
 * authentication request to echo (§12.2 allows leaving it out).
 */
public final class IdTokenReissuer {
    private final TokenStore tokens;
    private final ClientLookup clients;
    private final IdTokenIssuer issuer;
    private final JsonReader json;
    private final ClaimsRequestParser claimsRequests;
    private final Clock clock;

    public IdTokenReissuer(TokenStore tokens, ClientLookup clients, IdTokenIssuer issuer, JsonReader json,
            Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.json = Objects.requireNonNull(json, "json");
        this.claimsRequests = new ClaimsRequestParser(json);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public IdTokenReissueResult reissue(Service service, IdTokenReissueRequest request) {
        try {
            return mint(service, request, Instant.now(clock));
        } catch (Refusal refusal) {
            return new IdTokenReissueResult.CallerError(refusal.code.message(refusal.args));
        } catch (StoreException e) {
            return new IdTokenReissueResult.InternalServerError(ResultCode.ID_TOKEN_REISSUE_READ_FAILED.message());
        } catch (IdTokenException e) {
            // the service's keys or issuer, or the client's registered algorithm: nothing the caller can change
            return new IdTokenReissueResult.InternalServerError(e.result());
        }
    }

    private IdTokenReissueResult mint(Service service, IdTokenReissueRequest request, Instant now) {
        String accessValue = required(request.accessToken(), "accessToken");
        String refreshValue = required(request.refreshToken(), "refreshToken");
        Map<String, Object> claimValues = object(request.claims(), "claims");
        Map<String, Object> header = object(request.idtHeaderParams(), "idtHeaderParams");
        if (header != null && !CallerHeaderMembers.acceptable(header)) {
            throw new Refusal(ResultCode.ID_TOKEN_REISSUE_HEADER_RESERVED);
        }
        IdTokenAudType audType = IdTokenAudType.ARRAY; // Authlete's default here, whatever the service says
        if (request.idTokenAudType() != null) {
            audType = IdTokenAudType.fromWireValue(request.idTokenAudType());
            if (audType == null) {
                throw new Refusal(ResultCode.ID_TOKEN_REISSUE_AUD_TYPE_INVALID);
            }
        }

        RefreshTokenRecord refresh = tokens.findRefreshToken(TokenLookup.of(refreshValue))
                .filter(found -> found.serviceId() == service.id() && found.state() == RefreshTokenState.ACTIVE
                        && !found.isExpiredAt(now))
                .orElseThrow(() -> new Refusal(ResultCode.ID_TOKEN_REISSUE_TOKEN_UNUSABLE, "refresh token"));
        AccessTokenRecord access = tokens.findAccessToken(service.id(), TokenLookup.of(accessValue))
                .filter(found -> found.expiresAt().isAfter(now))
                .orElseThrow(() -> new Refusal(ResultCode.ID_TOKEN_REISSUE_TOKEN_UNUSABLE, "access token"));
        if (!refresh.family().equals(access.family())) {
            throw new Refusal(ResultCode.ID_TOKEN_REISSUE_TOKENS_UNRELATED);
        }
        GrantRecord grant = refresh.grant();
        if (!access.scopes().contains("openid") || grant.subject() == null) {
            throw new Refusal(ResultCode.ID_TOKEN_REISSUE_NOT_OPENID);
        }
        Client client = clients.findClient(service.id(), grant.clientId())
                .orElseThrow(() -> new Refusal(ResultCode.ID_TOKEN_REISSUE_CLIENT_NOT_FOUND, grant.clientId()));

        IdTokenRequest token = IdTokenRequest.builder(service, client,
                        request.sub() == null || request.sub().isEmpty() ? grant.subject() : request.sub())
                .clientIdAliasUsed(refresh.clientIdAliasUsed())
                .authTime(grant.authTime())
                .acr(grant.acr())
                .accessToken(accessValue)
                .audType(audType)
                .header(header == null ? Map.of() : header)
                .build();
        Optional<MintedIdToken> idToken;
        if (claimValues != null) {
            // The caller picked the claims (Authlete: "added to the payload"), as it did for the first ID token
            idToken = Optional.of(issuer.mint(token.withClaims(claimValues)));
        } else {
            // The claims request was checked when it arrived at /auth/authorization: parsing it again cannot fail
            ClaimsRequest requested = grant.claims() == null ? ClaimsRequest.NONE
                    : claimsRequests.parse(grant.claims());
            idToken = issuer.issue(token, access.scopes(), requested, true, null);
        }
        Issuance issuance = new Issuance(service.accessTokenType(),
                new IssuedToken(accessValue, access.expiresAt(), Duration.between(access.issuedAt(), access.expiresAt())),
                new IssuedToken(refreshValue, refresh.expiresAt(), Duration.between(refresh.issuedAt(),
                        refresh.expiresAt())),
                grant.subject(), access.scopes(), refresh.scopes(), List.of(), access.resources(),
                access.properties(), false, idToken.map(MintedIdToken::value).orElseThrow());
        return new IdTokenReissueResult.Ok(ResultCode.ID_TOKEN_REISSUED.message(), issuance);
    }

    private static String required(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new Refusal(ResultCode.ID_TOKEN_REISSUE_PARAMETER_MISSING, name);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String text, String name) {
        if (text == null) {
            return null;
        }
        try {
            Object value = json.parse(text);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (MalformedJsonException e) {
            // refused below
        }
        throw new Refusal(ResultCode.ID_TOKEN_REISSUE_JSON_INVALID, name);
    }

    /** The caller's request cannot be served: {@code CALLER_ERROR} with this code. */
    private static final class Refusal extends RuntimeException {
        private final transient ResultCode code;
        private final transient Object[] args;

        Refusal(ResultCode code, Object... args) {
            super(code.code(), null, false, false);
            this.code = code;
            this.args = args;
        }
    }
}
