package io.grantsmith.core;

import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.async.Stages;
import io.grantsmith.core.clientauth.ClientAuthenticator;
import io.grantsmith.core.clientauth.ClientIdentifier;
import io.grantsmith.core.clientauth.PresentedCredentials;
import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.GrantNotAdmittedException;
import io.grantsmith.core.error.IssuanceLimitedException;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.error.StoreFailure;
import io.grantsmith.core.grant.GrantContext;
import io.grantsmith.core.grant.GrantHandler;
import io.grantsmith.core.grant.GrantHandlers;
import io.grantsmith.core.grant.PasswordGrantCompletion;
import io.grantsmith.core.grant.SettingSupport;
import io.grantsmith.core.log.RepeatedFailures;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.GrantTypeReader;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.result.RequestFacts;
import io.grantsmith.core.result.TokenFailResult;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.GrantAdmission;
import io.grantsmith.core.spi.IssuanceLimit;
import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.core.spi.StoreException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The token engine: Authlete's {@code /auth/token}, {@code /auth/token/issue} and {@code /auth/token/fail} as
 * plain method calls. Each call returns a result value for every outcome (refusals included) and never
 * throws for bad input; the one exception is a request refused by its service's {@link IssuanceLimit}, which
 * is not processed at all. Thread-safe. Build one with {@link TokenEngineBuilder}.
 */
public final class TokenEngine {
    private static final System.Logger LOG = System.getLogger(TokenEngine.class.getName());

    private final ClientIdentifier identifier;
    private final ClientAuthenticator authenticator;
    private final GrantHandlers grants;
    private final PasswordGrantCompletion completion;
    private final Clock clock;
    /** Asked before a grant consumes anything (see {@link #requireNodeId()}); null for an engine without a lease. */
    private final NodeIdSource nodeIds;
    /** A store that fails, fails every request alike: one stack trace per kind and minute, not one per request. */
    private final RepeatedFailures failures = RepeatedFailures.perMinute();

    TokenEngine(ClientIdentifier identifier, ClientAuthenticator authenticator, GrantHandlers grants,
            PasswordGrantCompletion completion, Clock clock, NodeIdSource nodeIds) {
        this.identifier = identifier;
        this.authenticator = authenticator;
        this.grants = grants;
        this.completion = completion;
        this.clock = clock;
        this.nodeIds = nodeIds;
    }

    public static TokenEngineBuilder builder() {
        return new TokenEngineBuilder();
    }

    /** Processes a token request that a client sent to {@code service}'s token endpoint. */
    public TokenResult process(Service service, TokenRequest request) {
        return process(service, request, IssuanceLimit.UNLIMITED);
    }

    /**
     * As {@link #process(Service, TokenRequest)}, within the service's issuance limit: once the client is
     * authenticated and allowed the grant type, the request takes a permit from {@code limit} before the grant
     * is processed.
     *
     * @throws IssuanceLimitedException when {@code limit} has no permit; nothing was stored
     */
    public TokenResult process(Service service, TokenRequest request, IssuanceLimit limit) {
        return process(service, request, limit, GrantAdmission.ANY);
    }

    /**
     * As {@link #process(Service, TokenRequest, IssuanceLimit)}, with {@code admission} asked once the client is
     * authenticated and allowed the grant type, before the issuance limit.
     *
     * @throws IssuanceLimitedException  when {@code limit} has no permit; nothing was stored
     * @throws GrantNotAdmittedException when {@code admission} refused the request; nothing was stored
     */
    public TokenResult process(Service service, TokenRequest request, IssuanceLimit limit, GrantAdmission admission) {
        Progress progress = new Progress(service);
        try {
            GrantContext context = admit(progress, request, limit, admission); // sets progress.handler
            return progress.handler.handle(context);
        } catch (IssuanceLimitedException | GrantNotAdmittedException e) {
            throw e; // not an outcome of the request: it was not processed
        } catch (RuntimeException e) {
            return outcomeOf(e, progress);
        }
    }

    /**
     * As {@link #process(Service, TokenRequest, IssuanceLimit, GrantAdmission)}, without waiting for the store's
     * writes: everything before the grant's write runs on the calling thread, and the stage completes once the write
     * is durable, with the same result the blocking call returns (refusals and store failures included: the stage
     * does not fail). Its dependent actions may run on the store's completion thread; work after a write that may block
     * (a further write, a revocation) runs on {@code blockingWork}.
     *
     * @throws IssuanceLimitedException  when {@code limit} has no permit; nothing was stored
     * @throws GrantNotAdmittedException when {@code admission} refused the request; nothing was stored
     */
    public CompletionStage<TokenResult> processAsync(Service service, TokenRequest request, IssuanceLimit limit,
            GrantAdmission admission, Executor blockingWork) {
        Progress progress = new Progress(service);
        CompletionStage<TokenResult> handled;
        try {
            GrantContext context = admit(progress, request, limit, admission); // sets progress.handler
            handled = progress.handler.handleAsync(context, blockingWork);
        } catch (IssuanceLimitedException | GrantNotAdmittedException e) {
            throw e;
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(outcomeOf(e, progress));
        }
        return handled.exceptionally(failure -> {
            if (Stages.unwrap(failure) instanceof RuntimeException e) {
                return outcomeOf(e, progress);
            }
            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
        });
    }

    /** How far a request got: what the result reports when the request fails later on. */
    private static final class Progress {
        final Service service;
        GrantType grantType;
        ClientIdentity client;
        GrantHandler handler;

        Progress(Service service) {
            this.service = service;
        }

        RequestFacts facts() {
            return new RequestFacts(service, grantType, client);
        }
    }

    /**
     * Everything before the grant itself: the grant type offered and allowed, the client authenticated, the admission
     * and the issuance limit passed. Refusals are thrown.
     */
    private GrantContext admit(Progress progress, TokenRequest request, IssuanceLimit limit,
            GrantAdmission admission) {
        Service service = progress.service;
        FormParameters parameters = parameters(request);
        String requested = GrantTypeReader.read(parameters);
        GrantType grantType = grants.checkOffered(requested, service);
        progress.grantType = grantType;
        GrantHandler handler = grants.handlerFor(requested);
        progress.handler = handler;
        handler.parameterRules().check(parameters);
        PresentedCredentials credentials = PresentedCredentials.of(request, parameters);
        ClientIdentity client = identify(service, credentials, grantType);
        progress.client = client;
        ClientIdentifier.requireUnlocked(client);
        client = authenticator.authenticate(service, client, credentials);
        progress.client = client;
        if (!handler.allowedFor(client.client())) {
            throw OAuthException.badRequest(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    ResultCode.GRANT_TYPE_NOT_ALLOWED_FOR_CLIENT, client.client().id(), requested);
        }
        Optional<ResultMessage> unsupported = SettingSupport.refusal(service, client.client(), requested,
                ResultCode.SERVICE_SETTING_UNSUPPORTED, ResultCode.CLIENT_SETTING_UNSUPPORTED);
        if (unsupported.isPresent()) {
            throw new OAuthException(FailureKind.INTERNAL_SERVER_ERROR,
                    new OAuthError(OAuthErrorCode.SERVER_ERROR, unsupported.get()));
        }
        requireNodeId();
        admission.admit(service, client.client(), grantType, parameters);
        long wait = limit.tryAcquire();
        if (wait > 0) {
            throw new IssuanceLimitedException(wait);
        }
        return new GrantContext(service, grantType, client, parameters, request, now());
    }

    /** The result a failure of the request comes to: its refusal, or a server error for a store or other failure. */
    private TokenResult outcomeOf(RuntimeException failure, Progress progress) {
        Service service = progress.service;
        if (failure instanceof OAuthException e) {
            return refusal(e, progress.facts());
        }
        if (failure instanceof StoreFailure e) {
            // once per kind and minute, not once per request: a database that is away fails every request
            logFailure("store failure while processing a token request of service ", service, e);
            return new TokenResult.InternalServerError(progress.facts(), serverError(e.code()));
        }
        if (failure instanceof StoreException e) {
            logFailure("store failure while processing a token request of service ", service, e);
            ResultCode code = progress.handler != null ? progress.handler.storeFailure() : ResultCode.UNEXPECTED_ERROR;
            return new TokenResult.InternalServerError(progress.facts(), serverError(code));
        }
        logFailure("unexpected failure while processing a token request of service ", service, failure);
        return new TokenResult.InternalServerError(progress.facts(), serverError(ResultCode.UNEXPECTED_ERROR));
    }

    /** Issues tokens for a password grant whose user credentials the authorization server accepted. */
    public TokenIssueResult issue(Service service, TokenIssueRequest request) {
        RequestFacts facts = new RequestFacts(service, GrantType.PASSWORD, null);
        try {
            requireNodeId();
            return completion.issue(service, request, now());
        } catch (OAuthException e) {
            return new TokenIssueResult.InternalServerError(facts, e.error());
        } catch (StoreFailure e) {
            logFailure("store failure in /auth/token/issue of service ", service, e);
            return new TokenIssueResult.InternalServerError(facts, serverError(e.code()));
        } catch (StoreException e) {
            logFailure("store failure in /auth/token/issue of service ", service, e);
            return new TokenIssueResult.InternalServerError(facts, serverError(ResultCode.ISSUE_STORE_FAILED));
        } catch (RuntimeException e) {
            logFailure("unexpected failure in /auth/token/issue of service ", service, e);
            return new TokenIssueResult.InternalServerError(facts, serverError(ResultCode.UNEXPECTED_ERROR));
        }
    }

    /** Builds the refusal of a password grant whose user credentials the authorization server rejected. */
    public TokenFailResult fail(Service service, TokenFailRequest request) {
        RequestFacts facts = new RequestFacts(service, GrantType.PASSWORD, null);
        try {
            return completion.fail(service, request, now());
        } catch (OAuthException e) {
            return new TokenFailResult.InternalServerError(facts, e.error());
        } catch (StoreFailure e) {
            logFailure("store failure in /auth/token/fail of service ", service, e);
            return new TokenFailResult.InternalServerError(facts, serverError(e.code()));
        } catch (StoreException e) {
            logFailure("store failure in /auth/token/fail of service ", service, e);
            return new TokenFailResult.InternalServerError(facts, serverError(ResultCode.FAIL_STORE_FAILED));
        } catch (RuntimeException e) {
            logFailure("unexpected failure in /auth/token/fail of service ", service, e);
            return new TokenFailResult.InternalServerError(facts, serverError(ResultCode.UNEXPECTED_ERROR));
        }
    }

    /**
     * Fails the request (as the grant's store failure) while this node holds no valid node ID lease, before the grant
     * redeems a code or uses a ticket: minting would fail after it, and the code or ticket would be lost to the
     * client although no token was issued. Asks the source only, not the store. (A lease that runs out between this
     * check and the mint, a few microseconds later, still loses its code; renewal keeps a third of the ttl in hand.)
     *
     * @throws StoreException when the node ID source holds no valid lease
     */
    private void requireNodeId() {
        if (nodeIds != null) {
            nodeIds.nodeId();
        }
    }

    private ClientIdentity identify(Service service, PresentedCredentials credentials, GrantType grantType) {
        try {
            return identifier.identify(service, credentials, grantType);
        } catch (StoreException e) {
            throw new StoreFailure(ResultCode.CLIENT_LOOKUP_FAILED, e);
        }
    }

    /** Logs a failure with its stack trace, unless an identical one was logged within the last minute. */
    private void logFailure(String what, Service service, RuntimeException e) {
        failures.record(RepeatedFailures.signatureOf(e)).ifPresent(unlogged -> LOG.log(Level.ERROR, what + service.id()
                + (unlogged == 0 ? "" : " (" + unlogged + " more like it since it was last logged)"), e));
    }

    private static FormParameters parameters(TokenRequest request) {
        String encoded = request.getParameters();
        if (encoded == null) {
            throw OAuthException.serverError(ResultCode.PARAMETERS_MISSING);
        }
        FormParameters parameters;
        try {
            parameters = FormParameters.parse(encoded);
        } catch (MalformedParametersException e) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.PARAMETERS_MALFORMED,
                    Quoted.of(e.getMessage()));
        }
        if (parameters.isEmpty()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.PARAMETERS_EMPTY);
        }
        return parameters;
    }

    /** Authlete's times have millisecond precision; truncating once keeps stored and reported times equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static TokenResult refusal(OAuthException e, RequestFacts facts) {
        FailureKind kind = e.kind();
        return switch (kind) {
            case BAD_REQUEST -> new TokenResult.BadRequest(facts, e.error());
            case INVALID_CLIENT -> new TokenResult.InvalidClient(facts, e.error());
            case INTERNAL_SERVER_ERROR -> new TokenResult.InternalServerError(facts, e.error());
        };
    }

    private static OAuthError serverError(ResultCode code) {
        return new OAuthError(OAuthErrorCode.SERVER_ERROR, code.message());
    }
}
