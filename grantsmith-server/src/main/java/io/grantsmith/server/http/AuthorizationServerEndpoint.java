package io.grantsmith.server.http;

import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.error.GrantNotAdmittedException;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.facade.limits.RetryAfter;
import io.grantsmith.facade.token.TokenAnswer;
import io.grantsmith.facade.token.TokenApi;
import io.grantsmith.facade.users.PasswordCheck;
import io.grantsmith.facade.users.UserDirectory;
import io.grantsmith.server.metrics.ServerMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code POST /as/{serviceId}/token}: a standard RFC 6749 token endpoint. It forwards the client's request
 * to the engine in-process and maps the engine's {@code action} to HTTP as Authlete's documentation says
 * ({@link ActionHandling}). For the password grant it checks the user against the built-in user directory,
 * within its limits, and finishes with issue or fail itself.
 */
final class AuthorizationServerEndpoint {
    /** A token request is a few hundred bytes; client assertions make it a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final String REALM_CHALLENGE = "Basic realm=\"token\"";

    private final TokenApi tokens;
    private final UserDirectory users;
    private final ServerMetrics metrics;
    private final SenderGate senders;
    private final Duration refusalDelay;

    /**
     * @param senders      bounds each client's requests in process at once, so that one client's flood leaves the
     *                     other clients their share
     * @param refusalDelay how much later than ready refusals are sent (see {@link #send})
     */
    AuthorizationServerEndpoint(TokenApi tokens, UserDirectory users, ServerMetrics metrics, SenderGate senders,
            Duration refusalDelay) {
        this.tokens = tokens;
        this.users = users;
        this.metrics = metrics;
        this.senders = senders;
        this.refusalDelay = refusalDelay;
    }

    /**
     * The sender of a token request at the {@link SenderGate}: the client it names (before it is authenticated; a
     * stranger naming another client shares that client's slots only until the refusal, which comes late), or none
     * when it names none that could exist. Requests that name no client share one lane per service.
     */
    record ClientSender(long serviceId, String clientId) {
        static ClientSender of(long serviceId, String basicUser, String form) {
            String clientId = basicUser;
            if (clientId == null) {
                try {
                    clientId = FormParameters.parse(form).first("client_id");
                } catch (RuntimeException malformed) {
                    clientId = null; // refused by the engine as malformed
                }
            }
            return new ClientSender(serviceId,
                    clientId == null || clientId.length() > Client.MAX_ALIAS_LENGTH ? null : clientId);
        }
    }

    void register(Router router) {
        router.add(new Route("POST", "/as/{serviceId}/token", "/as/token", this::token));
    }

    private void token(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        if (!MediaTypes.FORM.equals(MediaTypes.essence(exchange.header(HttpHeader.CONTENT_TYPE)))) {
            refuse(exchange, 400, "invalid_request",
                    "The token request must be sent as application/x-www-form-urlencoded.");
            return;
        }
        String form = new String(exchange.body(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        TokenRequest request = new TokenRequest().setParameters(form).setDpop(exchange.header("DPoP"));
        int authorizations = exchange.headerCount(HttpHeader.AUTHORIZATION);
        if (authorizations > 1) {
            refuse(exchange, 400, "invalid_request", "The request has more than one Authorization header.");
            return;
        }
        boolean usedHeader = authorizations == 1;
        if (usedHeader) {
            AuthorizationHeader.Basic basic = AuthorizationHeader.basic(exchange.header(HttpHeader.AUTHORIZATION), true);
            if (basic == null) {
                refuse(exchange, 401, "invalid_client",
                        "The Authorization header must carry HTTP Basic client credentials.");
                return;
            }
            request.setClientId(basic.user()).setClientSecret(basic.password());
        }
        exchange.awaitTurn(senders, ClientSender.of(serviceId, request.getClientId(), form));
        PasswordAdmission password = new PasswordAdmission(users);
        CompletionStage<TokenAnswer> answer;
        try {
            answer = tokens.answerAsync(serviceId, request, password, exchange.executor());
        } catch (GrantNotAdmittedException refused) {
            password.close();
            sendUnchecked(exchange, serviceId, (PasswordCheck) refused.reason());
            return;
        } catch (RuntimeException e) {
            password.close();
            throw e;
        }
        // answered from the commit of the issued tokens, on the writer's completion thread; a password grant's answer
        // is ready at once (its ticket is written before), so its check runs on this thread, holding its verification
        // slot (Exchange.whenStageCompletes)
        CompletionStage<TokenAnswer> answered = answer.whenComplete((ready, failure) -> {
            if (failure != null) {
                password.close();
            }
        });
        Exchange.Responder<TokenAnswer> respond = ready -> {
            try {
                answer(exchange, serviceId, ready, usedHeader, password);
            } finally {
                password.close();
            }
        };
        if (CommitOnlyGrants.isCommitOnly(form)) {
            exchange.respondWhenCommitted(answered, respond);
        } else {
            exchange.respondWhen(answered, respond);
        }
    }

    private void answer(Exchange exchange, long serviceId, TokenAnswer answer, boolean usedHeader,
            PasswordAdmission password) {
        metrics.tokenAction("/as/token", answer.action().name());
        switch (ActionHandling.of(answer.action())) {
            case SEND_OK -> send(exchange, 200, answer.responseContent(), answer.dpopNonce());
            case SEND_BAD_REQUEST -> send(exchange, 400, answer.responseContent(), answer.dpopNonce());
            case SEND_SERVER_ERROR -> send(exchange, 500, answer.responseContent(), answer.dpopNonce());
            case SEND_INVALID_CLIENT -> sendInvalidClient(exchange, answer, usedHeader);
            case FINISH_PASSWORD -> finishPasswordGrant(exchange, serviceId, answer, password);
            case REFUSE_GRANT_TYPE -> sendError(exchange, serviceId, OAuthErrorCode.UNSUPPORTED_GRANT_TYPE,
                    ResultCode.GRANT_TYPE_NOT_IMPLEMENTED, grantTypeOf(answer.action()).wireValue());
            case REFUSE_NATIVE_SSO -> sendError(exchange, serviceId, OAuthErrorCode.INVALID_GRANT,
                    ResultCode.NATIVE_SSO_NOT_SUPPORTED);
        }
    }

    private void sendInvalidClient(Exchange exchange, TokenAnswer answer, boolean usedHeader) {
        if (usedHeader) {
            // RFC 6749 §5.2: a client that authenticated with the Authorization header gets 401 and a challenge.
            send(exchange, 401, answer.responseContent(), answer.dpopNonce(),
                    HttpHeader.WWW_AUTHENTICATE.asString(), REALM_CHALLENGE);
        } else {
            send(exchange, 400, answer.responseContent(), answer.dpopNonce());
        }
    }

    /**
     * Checks the user's password (the attempt admitted before the ticket was written) and issues or refuses.
     */
    private void finishPasswordGrant(Exchange exchange, long serviceId, TokenAnswer answer,
            PasswordAdmission password) {
        TokenAnswer.PasswordStep step = answer.password();
        PasswordCheck check = password.verify(serviceId, step);
        if (check instanceof PasswordCheck.Accepted accepted) {
            TokenIssueResponse issued = tokens.issue(serviceId,
                    new TokenIssueRequest().setTicket(step.ticket()).setSubject(accepted.subject()));
            send(exchange, ActionHandling.statusAfterIssue(issued.getAction()), issued.getResponseContent(),
                    answer.dpopNonce());
        } else if (check instanceof PasswordCheck.Rejected) {
            TokenAnswer refusal = tokens.rejectCredentials(serviceId, step.ticket());
            exchange.delayResponseHoldingTurn(refusalDelay);
            send(exchange, ActionHandling.statusAfterFail(refusal.action()), refusal.responseContent(),
                    answer.dpopNonce());
        } else {
            sendUnchecked(exchange, serviceId, check);
        }
    }

    /** A password attempt refused before its password was checked: throttled, or every verification slot busy. */
    private void sendUnchecked(Exchange exchange, long serviceId, PasswordCheck check) {
        // the client is authenticated (a public one by its ID): its failed attempts cost it its turn for the delay,
        // which caps a flood from one client at its share of slots per delay, Argon2id verifications included
        exchange.delayResponseHoldingTurn(refusalDelay);
        if (check instanceof PasswordCheck.Throttled throttled) {
            sendRetryLater(exchange, serviceId, 429, OAuthErrorCode.INVALID_GRANT, throttled.code(),
                    throttled.retryAfter());
        } else if (check instanceof PasswordCheck.Busy busy) {
            sendRetryLater(exchange, serviceId, 503, OAuthErrorCode.TEMPORARILY_UNAVAILABLE,
                    ResultCode.PASSWORD_VERIFICATION_BUSY, busy.retryAfter());
        } else {
            throw new IllegalStateException("unmapped password check " + check);
        }
    }

    /** A 400 of this endpoint's own, with a result code, in the service's error format. */
    private void sendError(Exchange exchange, long serviceId, OAuthErrorCode error, ResultCode code, Object... args) {
        send(exchange, 400, tokens.errorContent(serviceId, new OAuthError(error, code.message(args))), null);
    }

    /** A refusal that asks the client to come back later: its result message and Retry-After name the wait. */
    private void sendRetryLater(Exchange exchange, long serviceId, int status, OAuthErrorCode error, ResultCode code,
            Duration wait) {
        long seconds = RetryAfter.seconds(wait);
        send(exchange, status, tokens.errorContent(serviceId, new OAuthError(error, code.message(seconds))), null,
                HttpHeader.RETRY_AFTER.asString(), Long.toString(seconds));
    }

    private static GrantType grantTypeOf(TokenResponse.Action action) {
        return switch (action) {
            case TOKEN_EXCHANGE -> GrantType.TOKEN_EXCHANGE;
            case JWT_BEARER -> GrantType.JWT_BEARER;
            case OK, ID_TOKEN_REISSUABLE, BAD_REQUEST, INTERNAL_SERVER_ERROR, INVALID_CLIENT, PASSWORD, NATIVE_SSO ->
                    throw new IllegalStateException("not an action the grant type is refused for: " + action);
        };
    }

    private void refuse(Exchange exchange, int status, String error, String description) {
        String[] challenge = status == 401
                ? new String[] {HttpHeader.WWW_AUTHENTICATE.asString(), REALM_CHALLENGE} : new String[0];
        send(exchange, status, ErrorBodies.oauth(error, description), null, challenge);
    }

    private void send(Exchange exchange, int status, String content, String dpopNonce, String... headers) {
        send(exchange, status, content.getBytes(StandardCharsets.UTF_8), dpopNonce, headers);
    }

    /**
     * Every token-endpoint response forbids caching (RFC 6749 §5.1) and carries a DPoP nonce when there is one.
     * Refusals (400, 401, 429, 503) go out {@code refusalDelay} late: each costs the server little, but strangers
     * can repeat them at will, and answered at once one connection loops through thousands a second (unknown
     * clients, wrong secrets, guessed passwords, attempts refused while throttled or busy). The delay holds no
     * thread and no slot of the client, only the connection (except for the client's own failed password attempts,
     * see {@link #sendUnchecked}); a client that made a mistake learns it a little later.
     */
    private void send(Exchange exchange, int status, byte[] body, String dpopNonce, String... headers) {
        if ((status == 400 || status == 401 || status == 429 || status == 503) && !exchange.isDelayed()) {
            exchange.delayResponse(refusalDelay);
        }
        if (dpopNonce == null) {
            exchange.sendJsonNoStore(status, body, headers);
            return;
        }
        String[] withNonce = Arrays.copyOf(headers, headers.length + 2);
        withNonce[headers.length] = "DPoP-Nonce";
        withNonce[headers.length + 1] = dpopNonce;
        exchange.sendJsonNoStore(status, body, withNonce);
    }
}
