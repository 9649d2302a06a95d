package io.grantsmith.core.grant;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.core.token.AccessTokenContents;
import io.grantsmith.core.token.AccessTokenFormat;
import io.grantsmith.core.token.TokenLifetimes;
import io.grantsmith.core.token.TokenValue;
import io.grantsmith.core.token.TokenValues;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The one issuance step every grant goes through: the access token's value comes from the
 * {@link AccessTokenFormat} (or the caller), its lifetime from {@link TokenLifetimes}, linked to the refresh
 * token's expiry where the service says so, bound to its sender ({@link SenderBinding}), and saved with the
 * family's refresh token in one write; a generated key that collided is minted afresh.
 */
public final class TokenIssuance {
    private final TokenStore tokens;
    private final TokenValues values;
    private final AccessTokenFormat format;
    private final SenderBinding binding;

    public TokenIssuance(TokenStore tokens, TokenValues values, AccessTokenFormat format, SenderBinding binding) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.values = Objects.requireNonNull(values, "values");
        this.format = Objects.requireNonNull(format, "format");
        this.binding = Objects.requireNonNull(binding, "binding");
    }

    /**
     * Issues and saves the tokens of a new grant: an access token, and with {@link NewTokens#withRefreshToken()}
     * a refresh token starting a new family.
     *
     * @throws io.grantsmith.core.error.OAuthException with the request's codes when a caller-chosen value is no
     *         bearer token or already in use
     * @throws io.grantsmith.core.spi.StoreException when the store fails, or no free key was found
     */
    public IssuedTokens issue(NewTokens request) {
        Duration refreshLifetime = refreshLifetime(request);
        for (int attempt = 1; ; attempt++) {
            Minted minted = mint(request, refreshLifetime);
            SaveOutcome outcome = minted.refreshToken != null
                    ? tokens.saveGrant(minted.accessToken.record(), minted.refreshRecord(request))
                    : minted.family != null
                    ? tokens.saveAccessTokenWithGrant(minted.accessToken.record(), minted.grant(request))
                    : tokens.saveAccessToken(minted.accessToken.record());
            if (outcome == SaveOutcome.SAVED) {
                return minted.issued(request.now());
            }
            AccessTokenValue.checkRetry(minted.accessToken.value(), attempt, request.accessTokenInUse());
        }
    }

    /**
     * As {@link #issue}, without waiting for the store: the stage completes once the tokens are durable, with the
     * same outcomes (a failure carries what {@link #issue} would have thrown). A key collision's fresh attempt is
     * made on {@code blockingWork}, not on the store's thread that reported it.
     */
    public CompletionStage<IssuedTokens> issueAsync(NewTokens request, Executor blockingWork) {
        return issueAsync(request, refreshLifetime(request), 1, blockingWork);
    }

    private CompletionStage<IssuedTokens> issueAsync(NewTokens request, Duration refreshLifetime, int attempt,
            Executor blockingWork) {
        Minted minted = mint(request, refreshLifetime);
        CompletionStage<SaveOutcome> saved = minted.refreshToken != null
                ? tokens.saveGrantAsync(minted.accessToken.record(), minted.refreshRecord(request))
                : minted.family != null
                ? tokens.saveAccessTokenWithGrantAsync(minted.accessToken.record(), minted.grant(request))
                : tokens.saveAccessTokenAsync(minted.accessToken.record());
        return saved.thenCompose(outcome -> {
            if (outcome == SaveOutcome.SAVED) {
                return CompletableFuture.completedFuture(minted.issued(request.now()));
            }
            AccessTokenValue.checkRetry(minted.accessToken.value(), attempt, request.accessTokenInUse());
            return CompletableFuture.supplyAsync(
                    () -> issueAsync(request, refreshLifetime, attempt + 1, blockingWork), blockingWork)
                    .thenCompose(next -> next);
        });
    }

    private static Duration refreshLifetime(NewTokens request) {
        return TokenLifetimes.refreshToken(request.service(), request.client(), request.scopes(),
                request.requestedRefreshTokenSeconds());
    }

    /** One attempt's fresh values: a family, a refresh token when asked for, and the access token. */
    private Minted mint(NewTokens request, Duration refreshLifetime) {
        FamilyId family = request.withRefreshToken() || request.withGrant() ? values.newFamily(request.now()) : null;
        MintedToken refreshToken = request.withRefreshToken()
                ? MintedToken.of(values.newToken(), request.now(), refreshLifetime) : null;
        PendingAccessToken accessToken = accessToken(request, family,
                refreshToken == null ? null : refreshToken.expiresAt());
        return new Minted(family, refreshToken, accessToken);
    }

    /** The values of one issuance attempt, not saved yet. */
    private record Minted(FamilyId family, MintedToken refreshToken, PendingAccessToken accessToken) {
        GrantRecord grant(NewTokens request) {
            Instant accessExpiresAt = accessToken.record().expiresAt();
            return TokenIssuance.grant(request, family, accessExpiresAt,
                    refreshToken == null ? accessExpiresAt : refreshToken.expiresAt());
        }

        RefreshTokenRecord refreshRecord(NewTokens request) {
            return TokenIssuance.refreshRecord(request, grant(request), refreshToken);
        }

        IssuedTokens issued(Instant now) {
            return new IssuedTokens(accessToken.issued(now), refreshToken == null ? null : refreshToken.issued(now),
                    family);
        }
    }

    /**
     * An access token of {@code request}'s family (a refresh's), not saved: the caller saves it with its own
     * conditional write and, after a collision, asks again.
     *
     * @param refreshTokenExpiresAt when the family's refresh token expires (the access token never outlives it
     *                              on a service with {@code tokenExpirationLinked})
     */
    public PendingAccessToken accessToken(NewTokens request, Instant refreshTokenExpiresAt) {
        return accessToken(request, request.family(), refreshTokenExpiresAt);
    }

    private PendingAccessToken accessToken(NewTokens request, FamilyId family, Instant refreshTokenExpiresAt) {
        Service service = request.service();
        Instant now = request.now();
        Duration lifetime = TokenLifetimes.accessToken(service, request.client(), request.scopes(),
                request.requestedAccessTokenSeconds());
        Instant expiresAt = now.plus(lifetime);
        if (refreshTokenExpiresAt != null && service.tokenExpirationLinked() && expiresAt.isAfter(refreshTokenExpiresAt)) {
            expiresAt = refreshTokenExpiresAt;
        }
        TokenValue value = request.callerChosenAccessToken() != null
                ? AccessTokenValue.callerChosen(request.callerChosenAccessToken(), values, request.accessTokenInvalid())
                : format.mint(new AccessTokenContents(service, request.client(), request.subject(), request.scopes(),
                        request.resources(), request.grantType(), now, expiresAt, request.properties()), values);
        AccessTokenRecord record = AccessTokenRecord.builder(value.key(), value.hash())
                .callerChosen(value.callerChosen()).serviceId(service.id()).clientId(request.client().id())
                .subject(request.subject()).scopes(request.scopes()).resources(request.resources())
                .grantType(request.grantType()).issuedAt(now).expiresAt(expiresAt).family(family)
                .properties(request.properties()).clientIdAliasUsed(request.clientIdAliasUsed())
                .build();
        return new PendingAccessToken(value, binding.bind(record, request));
    }

    /** The grant a new family's tokens share; kept until the later of their expiries. */
    private static GrantRecord grant(NewTokens request, FamilyId family, Instant accessExpiresAt,
            Instant refreshExpiresAt) {
        return GrantRecord.builder(family).serviceId(request.service().id()).clientId(request.client().id())
                .subject(request.subject()).scopes(request.scopes()).resources(request.resources())
                .grantType(request.grantType())
                .claims(request.claims()).authTime(request.authTime()).acr(request.acr()).nonce(request.nonce())
                .consentedClaims(request.consentedClaims())
                .createdAt(request.now())
                .expiresAt(accessExpiresAt.isAfter(refreshExpiresAt) ? accessExpiresAt : refreshExpiresAt)
                .build();
    }

    private static RefreshTokenRecord refreshRecord(NewTokens request, GrantRecord grant, MintedToken refreshToken) {
        return RefreshTokenRecord.builder(refreshToken.key(), refreshToken.hash(), grant).issuedAt(request.now())
                .expiresAt(refreshToken.expiresAt()).properties(request.properties())
                .clientIdAliasUsed(request.clientIdAliasUsed()).state(RefreshTokenState.ACTIVE).build();
    }
}
