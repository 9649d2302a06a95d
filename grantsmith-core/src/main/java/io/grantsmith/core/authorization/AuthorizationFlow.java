package io.grantsmith.core.authorization;

import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.StoreFailure;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.token.TokenIds;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The authorization endpoint's side of the code flow, as Authlete's {@code /auth/authorization},
 * {@code /auth/authorization/issue} and {@code /auth/authorization/fail}: validate the request and keep it under a
 * ticket; then either turn the ticket into an authorization code and the redirect that carries it, or into the
 * error redirect. Thread-safe; never throws for bad input: every outcome is a result.
 */
public final class AuthorizationFlow {
    /** How long a ticket waits for {@code /issue} or {@code /fail}: the time the user has to log in and consent. */
    public static final Duration DEFAULT_TICKET_LIFETIME = Duration.ofMinutes(10);

    private static final System.Logger LOG = System.getLogger(AuthorizationFlow.class.getName());

    private final AuthorizationRequestValidator validator;
    private final AuthorizationTicketStore tickets;
    private final CodeIssuance issuance;
    private final FailRedirects failures;
    private final TokenValues values;
    private final Clock clock;
    private final Duration ticketLifetime;

    /** A flow whose ticket and code keys carry a random node ID: for a process whose store no other node shares. */
    public AuthorizationFlow(ClientLookup clients, AuthorizationTicketStore tickets, AuthorizationCodeStore codes,
            JsonReader json, SecureRandom random, Clock clock, Duration ticketLifetime) {
        this(clients, tickets, codes, json, random, clock, ticketLifetime, null);
    }

    /**
     * @param ticketLifetime how long a ticket stays usable
     * @param nodeIds        the node ID the row keys of tickets and codes carry (the node's lease, so that nodes
     *                       sharing a database never mint the same key); null for a random one
     */
    public AuthorizationFlow(ClientLookup clients, AuthorizationTicketStore tickets, AuthorizationCodeStore codes,
            JsonReader json, SecureRandom random, Clock clock, Duration ticketLifetime, NodeIdSource nodeIds) {
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(codes, "codes");
        if (ticketLifetime.isZero() || ticketLifetime.isNegative()) {
            throw new IllegalArgumentException("ticketLifetime must be positive");
        }
        this.validator = new AuthorizationRequestValidator(clients, json);
        this.tickets = tickets;
        this.values = new TokenValues(random,
                nodeIds != null ? new TokenIds(clock, nodeIds) : new TokenIds(clock, random));
        TicketUser ticketUser = new TicketUser(tickets, clients);
        this.issuance = new CodeIssuance(ticketUser, codes, json, values);
        this.failures = new FailRedirects(ticketUser);
        this.clock = clock;
        this.ticketLifetime = ticketLifetime;
    }

    /**
     * {@code /auth/authorization}: validates the request and, when it is valid, keeps it under a new ticket.
     *
     * @param parameters the request's parameters as received (the query string or the form body)
     */
    public AuthorizationStart authorize(Service service, String parameters) {
        AuthorizationResult result = validator.validate(service, parameters);
        if (!(result instanceof AuthorizationResult.Valid valid)) {
            return AuthorizationStart.refused(result);
        }
        RequestedAuthorization requested = requested(valid.request(), claimsParameter(parameters));
        TokenValue ticket = values.newToken(); // keyed, so that its row is appended to the index (see TokenIds)
        Instant now = now();
        try {
            tickets.saveAuthorizationTicket(new AuthorizationTicket(ticket.key(), ticket.hash(), service.id(),
                    requested, now, now.plus(ticketLifetime)));
        } catch (StoreException e) {
            LOG.log(Level.WARNING, "storing an authorization ticket of service " + service.id() + " failed", e);
            return AuthorizationStart.refused(new AuthorizationResult.InternalServerError(service,
                    new OAuthError(OAuthErrorCode.SERVER_ERROR, ResultCode.AUTHORIZATION_TICKET_STORE_FAILED.message())));
        }
        return new AuthorizationStart(result, ticket.value(), requested);
    }

    /** {@code /auth/authorization/issue}. */
    public AuthorizationIssueResult issue(Service service, AuthorizationIssueRequest request) {
        Objects.requireNonNull(service, "service");
        try {
            return issuance.issue(service, request, now());
        } catch (RuntimeException e) {
            return refusal(service, "/auth/authorization/issue", e);
        }
    }

    /** {@code /auth/authorization/fail}. */
    public AuthorizationFailResult fail(Service service, AuthorizationFailRequest request) {
        Objects.requireNonNull(service, "service");
        try {
            return new AuthorizationFailResult.Redirect(failures.fail(service, request, now()));
        } catch (RuntimeException e) {
            return refusal(service, "/auth/authorization/fail", e);
        }
    }

    /**
     * What {@code /issue} and {@code /fail} answer when their step throws: the step's own refusal, a store failure
     * (logged as a warning) or an unexpected failure (logged as an error), never the exception.
     */
    private static AuthorizationRefusal refusal(Service service, String api, RuntimeException failure) {
        if (failure instanceof OAuthException e) {
            return AuthorizationRefusal.of(service, e);
        }
        if (failure instanceof StoreFailure e) {
            LOG.log(Level.WARNING, api + " of service " + service.id() + " failed", e);
            return new AuthorizationRefusal.InternalServerError(service, serverError(e.code()));
        }
        LOG.log(Level.ERROR, "unexpected failure in " + api + " of service " + service.id(), failure);
        return new AuthorizationRefusal.InternalServerError(service,
                serverError(ResultCode.AUTHORIZATION_UNEXPECTED_ERROR));
    }

    /** What the ticket keeps of a validated request. */
    static RequestedAuthorization requested(ValidatedAuthorizationRequest request, String claims) {
        CodeChallenge challenge = request.codeChallenge();
        return RequestedAuthorization.builder()
                .clientId(request.client().client().id(), request.client().aliasUsed())
                .redirectUri(request.redirectUri(), request.redirectUriGiven())
                .responseType(request.responseType())
                .responseMode(request.responseMode())
                .scopes(request.scopes())
                .state(request.state())
                .nonce(request.nonce())
                .codeChallenge(challenge == null ? null : challenge.challenge(),
                        challenge == null ? null : challenge.method())
                .prompts(request.prompts())
                .maxAge(request.maxAge())
                .acrs(request.acrs(), request.acrEssential())
                .subject(request.subject())
                .claims(request.claims().present() ? claims : null)
                .idTokenClaims(request.idTokenClaims())
                .userInfoClaims(request.userInfoClaims())
                .claimsLocales(request.claimsLocales())
                .resources(request.resources())
                .build();
    }

    /** The raw {@code claims} parameter of a request that passed validation (so it parses, once). */
    private static String claimsParameter(String parameters) {
        try {
            return FormParameters.parse(parameters).optional("claims");
        } catch (MalformedParametersException e) {
            return null; // cannot happen after validation
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OAuthError serverError(ResultCode code) {
        return new OAuthError(OAuthErrorCode.SERVER_ERROR, code.message());
    }
}
