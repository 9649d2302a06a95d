package io.grantsmith.core.grant;

import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.error.StoreFailure;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.RequestFacts;
import io.grantsmith.core.result.TokenFailResult;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.token.TokenValues;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Finishes a password grant with the ticket from {@code /auth/token}: {@code /auth/token/issue} issues the
 * tokens once the authorization server has verified the user; {@code /auth/token/fail} builds the refusal.
 * A ticket is used at most once, by either; the caller's own mistakes are reported before the ticket is used. A
 * ticket whose client may no longer have tokens is used up by the refused issue.
 */
public final class PasswordGrantCompletion {
    private final ClientLookup clients;
    private final TokenStore tokens;
    private final TicketStore tickets;
    private final TokenValues values;
    private final TokenIssuance issuance;

    public PasswordGrantCompletion(EngineServices services) {
        this.clients = services.clients();
        this.tokens = services.tokens();
        this.tickets = services.tickets();
        this.values = services.values();
        this.issuance = services.issuance();
    }

    /**
     * Issues the tokens, once the ticket's client (and the service) may still have them. Refusals before the ticket
     * is used are thrown as {@link OAuthException} and carry no facts beyond the service; refusals of the client
     * are returned with the client's facts.
     */
    public TokenIssueResult issue(Service service, TokenIssueRequest request, Instant now) {
        String ticketValue = request.getTicket();
        if (ticketValue == null || ticketValue.isEmpty()) {
            throw OAuthException.serverError(ResultCode.ISSUE_TICKET_MISSING);
        }
        String subject = SubjectRules.validate(request.getSubject());
        List<TokenProperty> properties = TokenProperties.accept(request.getProperties(),
                ResultCode.ISSUE_PROPERTIES_TOO_BIG);
        String callerChosen = request.getAccessToken();
        if (callerChosen != null && !callerChosen.isEmpty() && tokens.findAccessToken(service.id(), new TokenLookup(0,
                AccessTokenValue.callerChosen(callerChosen, values, ResultCode.ISSUE_ACCESS_TOKEN_INVALID).hash()))
                .isPresent()) {
            // The caller's mistake too: report it while the ticket is unused, so that the caller can retry.
            // (A value taken between this check and the save below still fails safely, after the ticket is used.)
            throw OAuthException.serverError(ResultCode.ISSUE_ACCESS_TOKEN_IN_USE);
        }
        Ticket ticket = StoreFailure.reportedAs(ResultCode.ISSUE_TICKET_UPDATE_FAILED, () -> use(ticketValue, service,
                now, ResultCode.ISSUE_TICKET_NOT_FOUND, ResultCode.ISSUE_TICKET_EXPIRED));
        Optional<Client> found = StoreFailure.reportedAs(ResultCode.ISSUE_CLIENT_LOOKUP_FAILED,
                () -> clients.findClient(service.id(), ticket.clientId()));
        if (found.isEmpty()) {
            return refusal(new RequestFacts(service, GrantType.PASSWORD, null), ResultCode.ISSUE_CLIENT_NOT_FOUND,
                    ticket.clientId());
        }
        Client client = found.get();
        Optional<ResultMessage> refused = stillAllowed(service, client);
        if (refused.isPresent()) {
            return new TokenIssueResult.InternalServerError(facts(service, client, ticket),
                    new OAuthError(OAuthErrorCode.SERVER_ERROR, refused.get()));
        }

        boolean withRefreshToken = service.supports(GrantType.REFRESH_TOKEN) && client.mayUse(GrantType.REFRESH_TOKEN);
        IssuedTokens issued = issuance.issue(NewTokens.builder(service, client, now, GrantType.PASSWORD)
                .clientIdAliasUsed(ticket.clientIdAliasUsed())
                .subject(subject).scopes(ticket.scopes()).resources(ticket.resources()).properties(properties)
                .callerChosenAccessToken(callerChosen, ResultCode.ISSUE_ACCESS_TOKEN_INVALID,
                        ResultCode.ISSUE_ACCESS_TOKEN_IN_USE)
                .requestedLifetimes(request.getAccessTokenDuration(), request.getRefreshTokenDuration())
                .withRefreshToken(withRefreshToken)
                .build());
        Issuance issuance = new Issuance(service.accessTokenType(), issued.accessToken(), issued.refreshToken(),
                subject, ticket.scopes(), issued.refreshToken() == null ? null : ticket.scopes(), List.of(),
                ticket.resources(), properties, false);
        return new TokenIssueResult.Ok(facts(service, client, ticket), ResultCode.ISSUE_OK.message(), issuance);
    }

    /**
     * Whether the client may still have tokens of the password grant: the service or the client may have changed
     * since {@code /auth/token} accepted the request (a setting the engine does not implement may have been turned
     * on, too). Checked after the ticket is used, so that a refused ticket
     * stays used: unlocking the client or granting it the password grant again does not revive it.
     */
    private static Optional<ResultMessage> stillAllowed(Service service, Client client) {
        if (!service.supports(GrantType.PASSWORD)) {
            return Optional.of(ResultCode.ISSUE_GRANT_TYPE_NOT_SUPPORTED_BY_SERVICE.message());
        }
        if (client.locked()) {
            return Optional.of(ResultCode.ISSUE_CLIENT_LOCKED.message(client.id()));
        }
        if (!client.mayUse(GrantType.PASSWORD)) {
            return Optional.of(ResultCode.ISSUE_GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT.message(client.id()));
        }
        return SettingSupport.refusal(service, client, GrantType.PASSWORD.wireValue(), ResultCode.ISSUE_SERVICE_SETTING_UNSUPPORTED,
                ResultCode.ISSUE_CLIENT_SETTING_UNSUPPORTED);
    }

    /** Builds the refusal for the client and uses up the ticket. */
    public TokenFailResult fail(Service service, TokenFailRequest request, Instant now) {
        String ticketValue = request.getTicket();
        if (ticketValue == null || ticketValue.isEmpty()) {
            throw OAuthException.serverError(ResultCode.FAIL_TICKET_MISSING);
        }
        TokenFailRequest.Reason reason = request.getReason();
        if (reason == null) {
            throw OAuthException.serverError(ResultCode.FAIL_REASON_MISSING);
        }
        Ticket ticket = use(ticketValue, service, now, ResultCode.FAIL_TICKET_NOT_FOUND,
                ResultCode.FAIL_TICKET_EXPIRED);
        RequestFacts facts = StoreFailure.reportedAs(ResultCode.FAIL_CLIENT_LOOKUP_FAILED,
                        () -> clients.findClient(service.id(), ticket.clientId()))
                .map(client -> facts(service, client, ticket))
                .orElseGet(() -> new RequestFacts(service, GrantType.PASSWORD, null));
        return switch (reason) {
            case INVALID_RESOURCE_OWNER_CREDENTIALS -> refusal(facts, OAuthErrorCode.INVALID_REQUEST,
                    ResultCode.FAIL_INVALID_CREDENTIALS);
            case INVALID_TARGET -> refusal(facts, OAuthErrorCode.INVALID_TARGET, ResultCode.FAIL_INVALID_TARGET);
            case INVALID_CLIENT -> refusal(facts, OAuthErrorCode.INVALID_CLIENT, ResultCode.FAIL_INVALID_CLIENT);
            case UNAUTHORIZED_CLIENT -> refusal(facts, OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    ResultCode.FAIL_UNAUTHORIZED_CLIENT);
            case INVALID_SCOPE -> refusal(facts, OAuthErrorCode.INVALID_SCOPE, ResultCode.FAIL_INVALID_SCOPE);
            case UNKNOWN -> new TokenFailResult.InternalServerError(facts,
                    new OAuthError(OAuthErrorCode.SERVER_ERROR, ResultCode.FAIL_UNKNOWN.message()));
        };
    }

    private Ticket use(String ticketValue, Service service, Instant now, ResultCode notFound, ResultCode expired) {
        TicketUse use = tickets.useTicket(TokenLookup.of(ticketValue), service.id(), now);
        return switch (use.status()) {
            case USED -> use.ticket();
            case NOT_FOUND -> throw OAuthException.serverError(notFound);
            case EXPIRED -> throw OAuthException.serverError(expired);
            case ALREADY_USED -> throw OAuthException.serverError(ResultCode.TICKET_ALREADY_USED);
        };
    }

    private static RequestFacts facts(Service service, Client client, Ticket ticket) {
        return new RequestFacts(service, GrantType.PASSWORD,
                new ClientIdentity(client, ticket.clientIdAliasUsed(), ticket.clientAuthMethod()));
    }

    private static TokenIssueResult refusal(RequestFacts facts, ResultCode code, Object... args) {
        return new TokenIssueResult.InternalServerError(facts, new OAuthError(OAuthErrorCode.SERVER_ERROR,
                code.message(args)));
    }

    private static TokenFailResult refusal(RequestFacts facts, OAuthErrorCode error, ResultCode code) {
        return new TokenFailResult.BadRequest(facts, new OAuthError(error, code.message()));
    }
}
