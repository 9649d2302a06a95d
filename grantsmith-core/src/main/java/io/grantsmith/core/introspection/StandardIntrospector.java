package io.grantsmith.core.introspection;

import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * RFC 7662 token introspection, as Authlete's {@code /auth/introspection/standard}: the form parameters an
 * authorization server's introspection endpoint received ({@code token}, optional {@code token_type_hint}) → whether
 * the access or refresh token is active, and what it is. The caller authenticates the resource server (RFC 7662
 * §2.1); this class does not.
 *
 * <p>A token is active when it exists in the service, has not expired, its client exists and is not locked, and for
 * a refresh token, it has been neither rotated away nor revoked with its grant. When the caller names the resource
 * server ({@code rsUri}) and the token has an audience, a token not meant for that resource server is inactive.</p>
 */
public final class StandardIntrospector {
    private final TokenStore tokens;
    private final ClientLookup clients;
    private final Clock clock;

    public StandardIntrospector(TokenStore tokens, ClientLookup clients, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Never throws for bad input. {@code rsUri} may be null. */
    public StandardIntrospection introspect(Service service, String parameters, String rsUri) {
        try {
            FormParameters form = EndpointParameters.INTROSPECTION.parse(parameters);
            if (form.count("token") > 1) {
                throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.STANDARD_INTROSPECTION_TOKEN_REPEATED);
            }
            String token = form.optional("token");
            if (token == null) {
                throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST,
                        ResultCode.STANDARD_INTROSPECTION_TOKEN_MISSING);
            }
            TokenKind first = TokenKind.firstFor(form.optional("token_type_hint"));
            Optional<IntrospectedToken> found = token.length() > AccessTokenIntrospector.MAX_TOKEN_LENGTH
                    ? Optional.empty()
                    : find(service, TokenLookup.of(token), first).or(() -> find(service, TokenLookup.of(token),
                            first.other()));
            Optional<IntrospectedToken> active = found.filter(candidate -> isActive(candidate, rsUri));
            if (active.isEmpty()) {
                return new StandardIntrospection.Inactive(
                        ResultCode.STANDARD_INTROSPECTION_OK.message(found.map(IntrospectedToken::kind)
                                .map(TokenKind::hint).orElse("null"), false));
            }
            return new StandardIntrospection.Active(active.get(),
                    ResultCode.STANDARD_INTROSPECTION_OK.message(active.get().kind().hint(), true));
        } catch (OAuthException e) {
            return e.kind() == FailureKind.INTERNAL_SERVER_ERROR
                    ? new StandardIntrospection.InternalServerError(e.error())
                    : new StandardIntrospection.BadRequest(e.error());
        } catch (StoreException e) {
            return new StandardIntrospection.InternalServerError(new OAuthError(OAuthErrorCode.SERVER_ERROR,
                    ResultCode.STANDARD_INTROSPECTION_READ_FAILED.message()));
        }
    }

    /**
     * The token of this kind with its client, if both exist. Expired tokens are found (the result message names
     * their kind) and then judged inactive; rotated and revoked refresh tokens are not found at all.
     */
    private Optional<IntrospectedToken> find(Service service, TokenLookup lookup, TokenKind kind) {
        return kind == TokenKind.ACCESS_TOKEN ? findAccess(service, lookup) : findRefresh(service, lookup);
    }

    private Optional<IntrospectedToken> findAccess(Service service, TokenLookup lookup) {
        Optional<AccessTokenRecord> found = tokens.findAccessToken(service.id(), lookup);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        AccessTokenRecord token = found.get();
        Optional<Client> client = clients.findClient(service.id(), token.clientId());
        if (client.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new IntrospectedToken(TokenKind.ACCESS_TOKEN, client.get(), token.clientIdAliasUsed(),
                token.subject(), token.scopes(), token.resources(), token.issuedAt(), token.expiresAt(),
                token.properties(), token.family() == null ? null : tokens.findGrant(token.family()).orElse(null)));
    }

    private Optional<IntrospectedToken> findRefresh(Service service, TokenLookup lookup) {
        Optional<RefreshTokenRecord> found = tokens.findRefreshToken(lookup)
                .filter(token -> token.serviceId() == service.id());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshTokenRecord token = found.get();
        if (token.state() != RefreshTokenState.ACTIVE) {
            return Optional.empty();
        }
        Optional<Client> client = clients.findClient(service.id(), token.clientId());
        return client.map(owner -> new IntrospectedToken(TokenKind.REFRESH_TOKEN, owner, token.clientIdAliasUsed(),
                token.subject(), token.scopes(), token.resources(), token.issuedAt(), token.expiresAt(),
                token.properties(), token.grant()));
    }

    private boolean isActive(IntrospectedToken token, String rsUri) {
        Instant now = clock.instant();
        if (!token.expiresAt().isAfter(now) || token.client().locked()) {
            return false;
        }
        if (token.grant() != null && token.grant().revoked()) {
            return false;
        }
        List<String> audience = token.resources();
        return rsUri == null || rsUri.isEmpty() || audience.isEmpty() || audience.contains(rsUri);
    }
}
