package io.grantsmith.facade.token;

import io.grantsmith.api.dto.IDTokenReissueRequest;
import io.grantsmith.api.dto.IDTokenReissueResponse;
import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.TokenEngine;
import io.grantsmith.core.error.IssuanceLimitedException;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.idtoken.IdTokenReissueRequest;
import io.grantsmith.core.idtoken.IdTokenReissuer;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.RequestFacts;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.GrantAdmission;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.limits.RetryAfter;
import io.grantsmith.facade.manage.Directory;
import io.grantsmith.facade.manage.ServiceEntry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/** Authlete's {@code /auth/token}, {@code /auth/token/issue} and {@code /auth/token/fail} for one service. */
public final class TokenApi {
    private final Directory directory;
    private final TokenEngine engine;
    private final TokenResponses responses;

    private final IdTokenReissuer idTokens;

    public TokenApi(Directory directory, TokenEngine engine, TokenResponses responses, IdTokenReissuer idTokens) {
        this.directory = directory;
        this.engine = engine;
        this.responses = responses;
        this.idTokens = idTokens;
    }

    /**
     * @throws ApiFailure 404 when the service does not exist; 429 when the service has reached its issuance limit
     *                    (the request was not processed)
     */
    public TokenResponse token(long serviceId, TokenRequest request) {
        return responses.toResponse(process(serviceId, request, GrantAdmission.ANY));
    }

    /**
     * Like {@link #token}, but only what a token endpoint sends to its client (see {@link TokenAnswer}). This is the
     * built-in authorization server's token endpoint, an OpenID Provider: a refresh of an OpenID Connect grant with a
     * user answers with a new ID token (OpenID Connect Core §12.2), whatever the service's {@code idTokenReissuable}
     * (which tells an external authorization server, through {@code ID_TOKEN_REISSUABLE}, that it may ask for one).
     */
    public TokenAnswer answer(long serviceId, TokenRequest request) {
        return answer(serviceId, request, GrantAdmission.ANY);
    }

    /**
     * As {@link #answer(long, TokenRequest)}, with {@code admission} asked once the client is authenticated and allowed
     * the grant type, before anything is stored.
     *
     * @throws io.grantsmith.core.error.GrantNotAdmittedException when {@code admission} refused; nothing was stored
     */
    public TokenAnswer answer(long serviceId, TokenRequest request, GrantAdmission admission) {
        return answer(process(serviceId, request, admission));
    }

    private TokenAnswer answer(TokenResult result) {
        if (result instanceof TokenResult.Issued issued && isOpenIdRefresh(result.facts(), issued.issuance())) {
            Issuance issuance = issued.issuance();
            return responses.toAnswer(issued, idTokens.reissue(result.facts().service(),
                    IdTokenReissueRequest.of(issuance.accessToken().value(), issuance.refreshToken().value())));
        }
        return responses.toAnswer(result);
    }

    /**
     * As {@link #token}, without waiting for the store's commit: the stage completes with the same response once the
     * issued tokens are durable. Its dependent actions may run on the store's completion thread: keep them short.
     * Work that may block after a write (a refresh's next attempt after a lost race) runs on {@code blockingWork}.
     *
     * @throws ApiFailure as {@link #token}, at once
     */
    public CompletionStage<TokenResponse> tokenAsync(long serviceId, TokenRequest request, Executor blockingWork) {
        return processAsync(serviceId, request, GrantAdmission.ANY, blockingWork).thenApply(responses::toResponse);
    }

    /**
     * As {@link #answer(long, TokenRequest, GrantAdmission)}, without waiting for the store's commit. Work that may
     * block after a write runs on {@code blockingWork}, never on the thread that completes the commit (the store's
     * writer, which must not be held): a refresh's next attempt, and the ID token of an OpenID Connect refresh.
     *
     * @throws io.grantsmith.core.error.GrantNotAdmittedException as the blocking call, at once
     */
    public CompletionStage<TokenAnswer> answerAsync(long serviceId, TokenRequest request, GrantAdmission admission,
            Executor blockingWork) {
        return processAsync(serviceId, request, admission, blockingWork).thenCompose(result -> {
            if (result instanceof TokenResult.Issued issued && isOpenIdRefresh(result.facts(), issued.issuance())) {
                return CompletableFuture.supplyAsync(() -> answer(result), blockingWork);
            }
            return CompletableFuture.completedFuture(responses.toAnswer(result));
        });
    }

    /** {@code /idtoken/reissue}: a new ID token for the tokens of an {@code ID_TOKEN_REISSUABLE} refresh. */
    public IDTokenReissueResponse reissueIdToken(long serviceId, IDTokenReissueRequest request) {
        Service service = service(serviceId);
        return responses.toResponse(service, idTokens.reissue(service, new IdTokenReissueRequest(
                request.getAccessToken(), request.getRefreshToken(), request.getSub(), request.getClaims(),
                request.getIdtHeaderParams(), request.getIdTokenAudType())));
    }

    private static boolean isOpenIdRefresh(RequestFacts facts, Issuance issuance) {
        return facts.grantType() == GrantType.REFRESH_TOKEN && issuance.refreshToken() != null
                && issuance.subject() != null && issuance.scopes().contains("openid");
    }

    public TokenIssueResponse issue(long serviceId, TokenIssueRequest request) {
        return responses.toResponse(engine.issue(service(serviceId), request));
    }

    public TokenFailResponse fail(long serviceId, TokenFailRequest request) {
        return responses.toResponse(engine.fail(service(serviceId), request));
    }

    /**
     * Finishes a password grant whose user credentials the built-in authorization server rejected: the ticket is
     * used up as by {@code /auth/token/fail}, and the client gets {@code invalid_grant} (RFC 6749 §5.2).
     */
    public TokenAnswer rejectCredentials(long serviceId, String ticket) {
        return responses.toCredentialsRefusal(engine.fail(service(serviceId), new TokenFailRequest()
                .setTicket(ticket).setReason(TokenFailRequest.Reason.INVALID_RESOURCE_OWNER_CREDENTIALS)));
    }

    /** The error body for {@code error}, as the service's token endpoint sends it to clients. */
    public String errorContent(long serviceId, OAuthError error) {
        return responses.errorContent(service(serviceId), error);
    }

    private TokenResult process(long serviceId, TokenRequest request, GrantAdmission admission) {
        ServiceEntry entry = serviceEntry(serviceId);
        try {
            return engine.process(entry.service(), request, entry.issuance(), admission);
        } catch (IssuanceLimitedException e) {
            throw issuanceLimited(e);
        }
    }

    private CompletionStage<TokenResult> processAsync(long serviceId, TokenRequest request,
            GrantAdmission admission, Executor blockingWork) {
        ServiceEntry entry = serviceEntry(serviceId);
        try {
            return engine.processAsync(entry.service(), request, entry.issuance(), admission, blockingWork);
        } catch (IssuanceLimitedException e) {
            throw issuanceLimited(e);
        }
    }

    private ServiceEntry serviceEntry(long serviceId) {
        return directory.serviceEntry(serviceId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }

    private static ApiFailure issuanceLimited(IssuanceLimitedException e) {
        long seconds = RetryAfter.seconds(e.retryAfter());
        return ApiFailure.retryAfter(seconds, ApiResultCode.ISSUANCE_LIMITED, seconds);
    }

    private Service service(long serviceId) {
        return directory.findService(serviceId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }
}
