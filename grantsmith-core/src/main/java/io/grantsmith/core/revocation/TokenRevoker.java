package io.grantsmith.core.revocation;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.clientauth.EndpointClientAuthentication;
import io.grantsmith.core.clientauth.EndpointClientCodes;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.introspection.EndpointParameters;
import io.grantsmith.core.introspection.TokenKind;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 7009 token revocation, as Authlete's {@code /auth/revocation}. The client is identified and authenticated as
 * at the token endpoint (the same registry of methods; a public client identifies itself with {@code client_id}).
 * Then the token is looked up, the hinted kind first (RFC 7009 §2.1; an unknown hint is ignored):
 * <ul>
 *   <li>an access token is deleted alone: the grant's refresh token stays usable;</li>
 *   <li>a refresh token revokes its whole grant: every refresh token of the family, and its access tokens;</li>
 *   <li>an unknown, expired or already revoked token is not an error (§2.2): 200, nothing done;</li>
 *   <li>a token of another client is refused with {@code invalid_grant} and left untouched (§2.1: the server
 *       "verifies whether the token was issued to the client making the revocation request"; Authlete's A116301).</li>
 * </ul>
 */
public final class TokenRevoker {
    /** Longer than any token this server issues or accepts as caller-chosen: unknown, unread. */
    private static final int MAX_TOKEN_LENGTH = 1024;

    private final TokenStore tokens;
    private final EndpointClientAuthentication clients;

    public TokenRevoker(TokenStore tokens, EndpointClientAuthentication clients) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    /**
     * Never throws for bad input.
     *
     * @param allowed      the client authentication methods the service allows at revocation
     *                     ({@code supportedRevocationAuthMethods}); empty for the token endpoint's
     * @param parameters   the form body the authorization server's revocation endpoint received
     * @param headerId     the client ID of its {@code Authorization: Basic} header, or null
     * @param headerSecret the client secret of that header, or null
     */
    public Revocation revoke(Service service, Set<ClientAuthMethod> allowed, String parameters, String headerId,
            String headerSecret) {
        boolean headerUsed = headerId != null;
        try {
            FormParameters form = EndpointParameters.REVOCATION.parse(parameters);
            Client client = clients.authenticate(service, allowed, EndpointClientCodes.REVOCATION, form,
                    headerId, headerSecret);
            String token = token(form);
            return revoke(service, client, token, TokenKind.firstFor(form.optional("token_type_hint")));
        } catch (OAuthException e) {
            return switch (e.kind()) {
                case BAD_REQUEST -> new Revocation.BadRequest(e.error());
                case INVALID_CLIENT -> new Revocation.InvalidClient(e.error(), headerUsed);
                case INTERNAL_SERVER_ERROR -> new Revocation.InternalServerError(e.error());
            };
        } catch (StoreException e) {
            return new Revocation.InternalServerError(serverError(ResultCode.REVOCATION_STORE_FAILED));
        } catch (RuntimeException e) {
            return new Revocation.InternalServerError(serverError(ResultCode.REVOCATION_UNEXPECTED_ERROR));
        }
    }

    private Revocation revoke(Service service, Client client, String token, TokenKind first) {
        if (token.length() <= MAX_TOKEN_LENGTH) {
            TokenLookup lookup = TokenLookup.of(token);
            if (!revoke(service, client, lookup, first)) {
                revoke(service, client, lookup, first.other());
            }
        }
        return new Revocation.Ok(ResultCode.REVOCATION_OK.message());
    }

    /** Whether a token of this kind was found (and revoked). */
    private boolean revoke(Service service, Client client, TokenLookup lookup, TokenKind kind) {
        if (kind == TokenKind.ACCESS_TOKEN) {
            Optional<AccessTokenRecord> found = tokens.findAccessToken(service.id(), lookup);
            if (found.isEmpty()) {
                return false;
            }
            requireOwner(client, found.get().clientId());
            tokens.deleteAccessToken(found.get().key());
            return true;
        }
        Optional<RefreshTokenRecord> found = tokens.findRefreshToken(lookup)
                .filter(refresh -> refresh.serviceId() == service.id());
        if (found.isEmpty()) {
            return false;
        }
        requireOwner(client, found.get().clientId());
        tokens.revokeGrant(found.get().family());
        return true;
    }

    private static void requireOwner(Client client, long owner) {
        if (owner != client.id()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_GRANT, ResultCode.REVOCATION_TOKEN_OF_OTHER_CLIENT,
                    client.id());
        }
    }

    private static String token(FormParameters form) {
        int count = form.count("token");
        if (count > 1) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.REVOCATION_TOKEN_REPEATED);
        }
        if (count == 0) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.REVOCATION_TOKEN_MISSING);
        }
        String token = form.first("token");
        if (token.isEmpty()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.REVOCATION_TOKEN_EMPTY);
        }
        return token;
    }

    private static OAuthError serverError(ResultCode code) {
        return new OAuthError(OAuthErrorCode.SERVER_ERROR, code.message());
    }
}
