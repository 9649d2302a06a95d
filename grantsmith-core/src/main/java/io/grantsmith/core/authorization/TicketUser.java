package io.grantsmith.core.authorization;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.StoreFailure;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.AuthorizationTicketUse;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.TokenLookup;
import java.time.Instant;

/**
 * Uses an authorization ticket for {@code /issue} or {@code /fail} and finds its client again. A ticket that cannot
 * be used is the end-user's misfortune rather than the caller's mistake (they took too long, or pressed the button
 * twice): {@code BAD_REQUEST}, so that the authorization server shows an error page.
 */
final class TicketUser {
    /** The codes one endpoint reports its ticket problems with. */
    record Codes(ResultCode notFound, ResultCode expired, ResultCode used, ResultCode storeFailed,
            ResultCode clientLookupFailed, ResultCode clientNotFound) {
    }

    private final AuthorizationTicketStore tickets;
    private final ClientLookup clients;

    TicketUser(AuthorizationTicketStore tickets, ClientLookup clients) {
        this.tickets = tickets;
        this.clients = clients;
    }

    AuthorizationTicket use(Service service, String ticket, Instant now, Codes codes) {
        AuthorizationTicketUse use = StoreFailure.reportedAs(codes.storeFailed(),
                () -> tickets.useAuthorizationTicket(TokenLookup.of(ticket), service.id(), now));
        return switch (use.status()) {
            case USED -> use.ticket();
            case NOT_FOUND -> throw refusal(codes.notFound());
            case EXPIRED -> throw refusal(codes.expired());
            case ALREADY_USED -> throw refusal(codes.used());
        };
    }

    /** The ticket's client, as it is now: it may have been deleted since the request. */
    Client client(Service service, AuthorizationTicket ticket, Codes codes) {
        return StoreFailure.reportedAs(codes.clientLookupFailed(),
                () -> clients.findClient(service.id(), ticket.clientId()))
                .orElseThrow(() -> refusal(codes.clientNotFound(), ticket.clientId()));
    }

    private static OAuthException refusal(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code, args);
    }
}
