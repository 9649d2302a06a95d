package io.grantsmith.core.grant;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.async.Stages;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.StoreFailure;
import io.grantsmith.core.model.RefreshPolicy;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.model.UnsupportedSetting;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.GrantRequest;
import io.grantsmith.core.request.ParameterRules;
import io.grantsmith.core.request.RequiredParameter;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.core.token.RefreshTokenSuccessors;
import io.grantsmith.core.token.TokenLifetimes;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * RFC 6749 §6, with Authlete's renewal modes ({@link RefreshPolicy}) and reuse detection.
 *
 * <p>Each refresh is read, decided, then written with a conditional {@link RefreshWrite}; if a concurrent
 * request changed the token in between, the write does nothing and the request is decided again from the
 * new state. So of two concurrent refreshes of one token exactly one rotates it; the other either receives
 * the same successor (idempotent services, within the grace period) or is treated as reuse, which revokes
 * the family: never two live families.</p>
 *
 * <p>One decision procedure serves both ways of writing: {@link #handle} applies each write and waits for it (a
 * completed stage), {@link #handleAsync} chains the next step onto the store's stage, so no thread waits for the
 * commit; reads stay synchronous either way.</p>
 */
public final class RefreshTokenGrantHandler implements GrantHandler {
    private static final ParameterRules RULES = ParameterRules.of(Map.of(
            "refresh_token", ResultCode.REFRESH_TOKEN_REPEATED,
            "scope", ResultCode.REFRESH_SCOPE_REPEATED), Set.of("resource"));
    /** A write loses a race only to a write that changed the state; a few re-evaluations settle any race. */
    private static final int MAX_ATTEMPTS = 3;

    private final TokenStore tokens;
    private final TokenValues values;
    private final TokenIssuance issuance;
    private final RefreshTokenSuccessors successors;
    private final Duration gracePeriod;

    public RefreshTokenGrantHandler(EngineServices services) {
        this.tokens = services.tokens();
        this.values = services.values();
        this.issuance = services.issuance();
        this.successors = services.refreshSuccessors();
        this.gracePeriod = services.refreshGracePeriod();
    }

    @Override
    public String grantType() {
        return GrantType.REFRESH_TOKEN.wireValue();
    }

    @Override
    public ParameterRules parameterRules() {
        return RULES;
    }

    @Override
    public ResultCode storeFailure() {
        return ResultCode.REFRESH_STORE_FAILED;
    }

    @Override
    public TokenResult handle(GrantContext context) {
        return Stages.join(refresh(context, new Writes(write -> Stages.of(() -> tokens.applyRefresh(write)),
                Runnable::run)));
    }

    @Override
    public CompletionStage<TokenResult> handleAsync(GrantContext context, Executor blockingWork) {
        return refresh(context, new Writes(tokens::applyRefreshAsync, blockingWork));
    }

    /**
     * How a refresh's write reaches the store (waited for, or not), and where the next attempt after a lost race
     * runs: its read and a possible revocation block, so never on the store's thread that completed the write.
     */
    private record Writes(Function<RefreshWrite, CompletionStage<RefreshWriteOutcome>> apply, Executor retries) {
    }

    private CompletionStage<TokenResult> refresh(GrantContext context, Writes writes) {
        GrantRequest.RefreshToken grant = parse(context.parameters());
        return attempt(context, grant, TokenLookup.of(grant.refreshToken()), writes, 0);
    }

    /** Reads, decides and writes once; decides again from the new state when a concurrent write won the race. */
    private CompletionStage<TokenResult> attempt(GrantContext context, GrantRequest.RefreshToken grant,
            TokenLookup presented, Writes writes, int attempt) {
        if (attempt >= MAX_ATTEMPTS) {
            throw invalidGrant(ResultCode.REFRESH_TOKEN_CONTENDED);
        }
        RefreshTokenRecord record = findUsable(context, presented);
        CompletionStage<Optional<TokenResult>> result = record.state() == RefreshTokenState.ACTIVE
                ? renew(context, grant, record, writes)
                : replayOrRevoke(context, grant, record, writes);
        return result.thenCompose(decided -> decided.isPresent()
                ? CompletableFuture.completedFuture(decided.get())
                : CompletableFuture.supplyAsync(() -> attempt(context, grant, presented, writes, attempt + 1),
                        writes.retries()).thenCompose(next -> next));
    }

    /** The presented token's record, if it belongs to this service and client, is unexpired and not revoked. */
    private RefreshTokenRecord findUsable(GrantContext context, TokenLookup presented) {
        RefreshTokenRecord record = StoreFailure.reportedAs(ResultCode.REFRESH_TOKEN_READ_FAILED,
                        () -> tokens.findRefreshToken(presented))
                .filter(found -> found.serviceId() == context.service().id())
                .orElseThrow(() -> invalidGrant(ResultCode.REFRESH_TOKEN_NOT_FOUND));
        if (record.clientId() != context.client().id()) {
            throw invalidGrant(ResultCode.REFRESH_TOKEN_OTHER_CLIENT);
        }
        if (record.state() == RefreshTokenState.REVOKED) {
            throw invalidGrant(ResultCode.REFRESH_TOKEN_REVOKED);
        }
        if (record.isExpiredAt(context.now())) {
            throw invalidGrant(ResultCode.REFRESH_TOKEN_EXPIRED);
        }
        return record;
    }

    /** Renews an active token: rotates it, or keeps it when the service says so. Empty if a race was lost. */
    private CompletionStage<Optional<TokenResult>> renew(GrantContext context, GrantRequest.RefreshToken grant,
            RefreshTokenRecord record, Writes writes) {
        Service service = context.service();
        RefreshPolicy policy = service.refreshPolicy();
        Renewal renewal = Renewal.plan(context, grant, record);
        MintedToken refreshToken;
        PendingAccessToken accessToken;
        RefreshWrite write;
        if (policy.kept()) {
            Instant expiresAt = policy.durationReset() ? context.now().plus(refreshLifetime(context, record))
                    : record.expiresAt();
            refreshToken = new MintedToken(new TokenValue(record.key(), grant.refreshToken(), record.hash(), false),
                    expiresAt);
            accessToken = accessToken(context, renewal, record, refreshToken);
            write = new RefreshWrite.Extend(record.key(), expiresAt, renewal.properties(),
                    accessToken.record(), context.now());
        } else {
            Instant expiresAt = policy.durationKept() ? record.expiresAt()
                    : context.now().plus(refreshLifetime(context, record));
            refreshToken = new MintedToken(values.withSecret(successors.secretOf(grant.refreshToken())), expiresAt);
            RefreshTokenRecord successorRecord = RefreshTokenRecord.builder(refreshToken.key(), refreshToken.hash(),
                            record.grant())
                    .issuedAt(context.now()).expiresAt(expiresAt).properties(renewal.properties())
                    .clientIdAliasUsed(record.clientIdAliasUsed()).state(RefreshTokenState.ACTIVE).build();
            accessToken = accessToken(context, renewal, record, refreshToken);
            write = new RefreshWrite.Rotate(record.key(), successorRecord, accessToken.record(), context.now());
        }
        return writes.apply().apply(write).thenApply(outcome ->
                applied(outcome, accessToken, context, grant, renewal, record, refreshToken, false));
    }

    /**
     * A rotated-away token was presented again. Within the grace period of an idempotent service, while its
     * successor is still active, this is a retry of a lost response: answer with the same successor and one more
     * access token of that generation, leaving the access tokens already handed out for it working (a retrying
     * client may hold any of them). Otherwise the token has been used twice, which means it may have been
     * stolen: revoke the family.
     */
    private CompletionStage<Optional<TokenResult>> replayOrRevoke(GrantContext context,
            GrantRequest.RefreshToken grant, RefreshTokenRecord rotated, Writes writes) {
        if (withinGracePeriod(context, rotated)) {
            TokenValue successorValue = TokenValues.keyed(rotated.successorKey(),
                    successors.secretOf(grant.refreshToken()));
            Optional<RefreshTokenRecord> successor = StoreFailure.reportedAs(ResultCode.REFRESH_TOKEN_READ_FAILED,
                            () -> tokens.findRefreshToken(rotated.successorKey()))
                    .filter(found -> found.hash().equals(successorValue.hash())
                            && found.state() == RefreshTokenState.ACTIVE && !found.isExpiredAt(context.now()));
            if (successor.isPresent()) {
                RefreshTokenRecord record = successor.get();
                Renewal renewal = Renewal.plan(context, grant, record);
                MintedToken refreshToken = new MintedToken(successorValue, record.expiresAt());
                PendingAccessToken accessToken = accessToken(context, renewal, record, refreshToken);
                RefreshWrite write = new RefreshWrite.Replay(record.key(), accessToken.record(), context.now());
                return writes.apply().apply(write).thenApply(outcome ->
                        applied(outcome, accessToken, context, grant, renewal, record, refreshToken, true));
            }
        }
        StoreFailure.reportedAs(ResultCode.REFRESH_REVOKE_FAILED, () -> tokens.revokeGrant(rotated.family()));
        throw invalidGrant(ResultCode.REFRESH_TOKEN_REUSED);
    }

    private boolean withinGracePeriod(GrantContext context, RefreshTokenRecord rotated) {
        return context.service().refreshPolicy().idempotent() && rotated.rotatedAt() != null
                && rotated.successorKey() != 0 && context.now().isBefore(rotated.rotatedAt().plus(gracePeriod));
    }

    /** The result of a refresh whose write had {@code outcome}; empty when the request must be decided again. */
    private static Optional<TokenResult> applied(RefreshWriteOutcome outcome, PendingAccessToken accessToken,
            GrantContext context, GrantRequest.RefreshToken grant, Renewal renewal, RefreshTokenRecord basis,
            MintedToken refreshToken, boolean previousRefreshTokenUsed) {
        if (outcome == RefreshWriteOutcome.DUPLICATE && accessToken.callerChosen()) {
            throw OAuthException.serverError(ResultCode.REFRESH_ACCESS_TOKEN_IN_USE);
        }
        if (outcome != RefreshWriteOutcome.APPLIED) {
            // a concurrent refresh changed the token, or a generated key collided: decide again with fresh values
            return Optional.empty();
        }
        Instant now = context.now();
        Issuance issuance = new Issuance(context.service().accessTokenType(), accessToken.issued(now),
                refreshToken.issued(now), basis.subject(), renewal.scopes(), basis.scopes(), grant.resources(),
                renewal.resources(), renewal.properties(), previousRefreshTokenUsed);
        if (idTokenReissuable(context.service(), basis, renewal.scopes())) {
            return Optional.of(new TokenResult.IdTokenReissuable(context.facts(),
                    ResultCode.REFRESH_ID_TOKEN_REISSUABLE.message(), issuance, basis.grant().claims()));
        }
        return Optional.of(new TokenResult.Ok(context.facts(), ResultCode.REFRESH_OK.message(), issuance));
    }

    /**
     * Whether the authorization server may have an ID token reissued with the renewed tokens (Authlete's condition):
     * the service says so, the new access token still has {@code openid}, and the grant has a user.
     */
    static boolean idTokenReissuable(Service service, RefreshTokenRecord basis, Scopes scopes) {
        return service.authorization().idTokenReissuable() && scopes.contains(Renewal.OPENID)
                && basis.subject() != null;
    }

    /** The renewed access token, of the basis's family and grant, never outliving the refresh token if linked. */
    private PendingAccessToken accessToken(GrantContext context, Renewal renewal, RefreshTokenRecord basis,
            MintedToken refreshToken) {
        TokenRequest request = context.request();
        return issuance.accessToken(NewTokens.builder(context.service(), context.client(), context.now(),
                        basis.grantType())
                .clientIdAliasUsed(context.identity().aliasUsed())
                .subject(basis.subject()).scopes(renewal.scopes()).resources(renewal.resources())
                .properties(renewal.properties()).family(basis.family())
                .callerChosenAccessToken(request.getAccessToken(), ResultCode.REFRESH_ACCESS_TOKEN_INVALID,
                        ResultCode.REFRESH_ACCESS_TOKEN_IN_USE)
                .requestedLifetimes(request.getAccessTokenDuration(), request.getRefreshTokenDuration())
                .build(), refreshToken.expiresAt());
    }

    private static Duration refreshLifetime(GrantContext context, RefreshTokenRecord record) {
        return TokenLifetimes.refreshToken(context.service(), context.client(), record.scopes(),
                context.request().getRefreshTokenDuration());
    }

    static GrantRequest.RefreshToken parse(FormParameters parameters) {
        String refreshToken = RequiredParameter.read(parameters, "refresh_token", ResultCode.REFRESH_TOKEN_MISSING,
                ResultCode.REFRESH_TOKEN_EMPTY);
        return new GrantRequest.RefreshToken(refreshToken, Scopes.parse(parameters.optional("scope")),
                GrantRequest.resourcesOf(parameters));
    }

    private static OAuthException invalidGrant(ResultCode code) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_GRANT, code);
    }

    /**
     * What the renewed access token carries: the requested scopes and resources (each covered by the grant),
     * or the grant's own when none are requested; and the grant's properties with the request's merged over.
     * A service that would drop {@code openid} from it (not implemented yet) gets the refresh refused instead.
     */
    private record Renewal(Scopes scopes, List<String> resources, List<TokenProperty> properties) {
        private static final String OPENID = "openid";
        private static final String OFFLINE_ACCESS = "offline_access";

        static Renewal plan(GrantContext context, GrantRequest.RefreshToken grant, RefreshTokenRecord basis) {
            Scopes scopes = grant.scope().isEmpty() ? basis.scopes() : narrowed(grant.scope(), basis.scopes());
            List<String> resources = ResourceIndicators.narrow(ResourceIndicators.validate(grant.resources()),
                    basis.resources(), ResultCode.REFRESH_RESOURCE_NOT_GRANTED);
            if (scopes.contains(OPENID) && !basis.scopes().contains(OFFLINE_ACCESS) && context.service()
                    .unsupportedSettings().contains(UnsupportedSetting.OPENID_DROPPED_ON_REFRESH_WITHOUT_OFFLINE_ACCESS)) {
                throw OAuthException.serverError(ResultCode.SERVICE_SETTING_UNSUPPORTED,
                        UnsupportedSetting.OPENID_DROPPED_ON_REFRESH_WITHOUT_OFFLINE_ACCESS.member());
            }
            List<TokenProperty> properties = TokenProperties.merge(basis.properties(),
                    TokenProperties.accept(context.request().getProperties(), ResultCode.REFRESH_PROPERTIES_TOO_BIG),
                    ResultCode.REFRESH_PROPERTIES_TOO_BIG);
            return new Renewal(scopes, resources, properties);
        }

        private static Scopes narrowed(Scopes requested, Scopes granted) {
            for (String scope : requested) {
                if (!granted.contains(scope)) {
                    throw OAuthException.badRequest(OAuthErrorCode.INVALID_SCOPE, ResultCode.REFRESH_SCOPE_NOT_GRANTED,
                            Quoted.of(scope));
                }
            }
            return requested;
        }

        @Override
        public String toString() {
            return "Renewal[scopes=" + scopes + ", resources=" + resources + "]";
        }
    }
}
