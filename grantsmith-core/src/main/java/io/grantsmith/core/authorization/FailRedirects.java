package io.grantsmith.core.authorization;

import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import java.time.Instant;

/**
 * {@code /auth/authorization/fail}: the authorization server could not or would not grant the request; the
 * ticket is used up and the error goes back to the client by the request's response mode, with its {@code state}
 * and the service's {@code iss}.
 */
final class FailRedirects {
    private static final TicketUser.Codes TICKET_CODES = new TicketUser.Codes(
            ResultCode.AUTHORIZATION_FAIL_TICKET_NOT_FOUND, ResultCode.AUTHORIZATION_FAIL_TICKET_EXPIRED,
            ResultCode.AUTHORIZATION_FAIL_TICKET_USED, ResultCode.AUTHORIZATION_FAIL_TICKET_USE_FAILED,
            ResultCode.AUTHORIZATION_FAIL_CLIENT_LOOKUP_FAILED, ResultCode.AUTHORIZATION_FAIL_CLIENT_NOT_FOUND);

    private final TicketUser tickets;

    FailRedirects(TicketUser tickets) {
        this.tickets = tickets;
    }

    AuthorizationResult.ErrorRedirect fail(Service service, AuthorizationFailRequest request, Instant now) {
        String ticketValue = request.getTicket();
        if (ticketValue == null || ticketValue.isEmpty()) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_FAIL_TICKET_MISSING);
        }
        if (request.getReason() == null) {
            throw OAuthException.serverError(ResultCode.AUTHORIZATION_FAIL_REASON_MISSING);
        }
        FailReasons.Outcome outcome = FailReasons.of(request.getReason());
        AuthorizationTicket ticket = tickets.use(service, ticketValue, now, TICKET_CODES);
        Client client = tickets.client(service, ticket, TICKET_CODES);
        RequestedAuthorization requested = ticket.request();
        String description = request.getDescription();
        // The caller's description replaces the message, as Authlete's does; the code stays
        ResultMessage message = description == null || description.isEmpty() ? outcome.code().message()
                : new ResultMessage(outcome.code(), description);
        return new AuthorizationResult.ErrorRedirect(service, new ClientIdentity(client,
                requested.clientIdAliasUsed(), null), requested.redirectUri(), requested.responseMode(),
                new OAuthError(outcome.error(), message), requested.state(), service.authorization().responseIssuer());
    }
}
