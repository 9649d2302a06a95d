package io.grantsmith.core.introspection;

import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Authlete's {@code /auth/introspection}: checks an access token that a client presented to one of the
 * authorization server's own resource servers, against what that resource server requires. Checks run in
 * Authlete's order: the token exists, is unexpired, its client still exists and is not locked; then scopes,
 * resources, subject and the authentication's strength (RFC 9470).
 */
public final class AccessTokenIntrospector {
    /** Longer than any token this server issues or accepts as caller-chosen: refused unread. */
    static final int MAX_TOKEN_LENGTH = 1024;

    private final TokenStore tokens;
    private final ClientLookup clients;
    private final Clock clock;

    public AccessTokenIntrospector(TokenStore tokens, ClientLookup clients, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Never throws for bad input. */
    public Introspection introspect(Service service, IntrospectionQuery query) {
        String value = query.token();
        if (value == null || value.isEmpty()) {
            return notFound(IntrospectionAction.BAD_REQUEST, ResultCode.INTROSPECTION_TOKEN_MISSING.message());
        }
        if (value.length() > MAX_TOKEN_LENGTH) {
            return notFound(IntrospectionAction.UNAUTHORIZED, ResultCode.INTROSPECTION_TOKEN_NOT_FOUND.message());
        }
        AccessTokenRecord token;
        Optional<Client> client;
        GrantRecord grant;
        try {
            Optional<AccessTokenRecord> found = tokens.findAccessToken(service.id(), TokenLookup.of(value));
            if (found.isEmpty()) {
                return notFound(IntrospectionAction.UNAUTHORIZED, ResultCode.INTROSPECTION_TOKEN_NOT_FOUND.message());
            }
            token = found.get();
            client = clients.findClient(service.id(), token.clientId());
            grant = token.family() == null ? null : tokens.findGrant(token.family()).orElse(null);
            if (grant != null && grant.revoked()) {
                // read before a revocation deleted it: the grant's flag is the truth, as at userinfo
                return notFound(IntrospectionAction.UNAUTHORIZED, ResultCode.INTROSPECTION_TOKEN_NOT_FOUND.message());
            }
        } catch (StoreException e) {
            return notFound(IntrospectionAction.INTERNAL_SERVER_ERROR,
                    ResultCode.INTROSPECTION_TOKEN_READ_FAILED.message());
        }
        Instant now = clock.instant();
        Optional<ResultMessage> missingScope = missingScope(token, query.scopes());
        Facts facts = new Facts(token, client.orElse(null), grant, !token.expiresAt().isAfter(now),
                missingScope.isEmpty(), refreshable(grant, now));
        if (facts.expired) {
            ResultCode code = facts.refreshable ? ResultCode.INTROSPECTION_TOKEN_EXPIRED_REFRESHABLE
                    : grant != null ? ResultCode.INTROSPECTION_TOKENS_EXPIRED : ResultCode.INTROSPECTION_TOKEN_EXPIRED;
            return facts.answer(IntrospectionAction.UNAUTHORIZED, code.message());
        }
        if (client.isEmpty()) {
            return facts.answer(IntrospectionAction.UNAUTHORIZED,
                    ResultCode.INTROSPECTION_CLIENT_NOT_FOUND.message(token.clientId()));
        }
        if (client.get().locked()) {
            return facts.answer(IntrospectionAction.UNAUTHORIZED,
                    ResultCode.INTROSPECTION_CLIENT_LOCKED.message(token.clientId()));
        }
        Optional<Introspection> refusal = missingScope
                .or(() -> missingResource(token, query.resources()))
                .map(result -> facts.answer(IntrospectionAction.FORBIDDEN, result))
                .or(() -> wrongSubject(token, query.subject())
                        .map(result -> facts.answer(IntrospectionAction.FORBIDDEN, result, "invalid_request")))
                .or(() -> weakAuthentication(grant, query, now).map(result -> facts.answer(
                        IntrospectionAction.FORBIDDEN, result, "insufficient_user_authentication")));
        return refusal
                .orElseGet(() -> facts.answer(IntrospectionAction.OK, ResultCode.INTROSPECTION_OK.message()));
    }

    /** An unrevoked grant that has not yet expired (it lives as long as its last token) can still be refreshed. */
    private static boolean refreshable(GrantRecord grant, Instant now) {
        return grant != null && !grant.revoked() && grant.expiresAt().isAfter(now);
    }

    private static Optional<ResultMessage> missingScope(AccessTokenRecord token, List<String> required) {
        if (required == null || required.isEmpty()) {
            return Optional.empty();
        }
        if (token.scopes().isEmpty()) {
            return Optional.of(ResultCode.INTROSPECTION_NO_SCOPE.message());
        }
        return required.stream().filter(scope -> scope != null && !token.scopes().contains(scope)).findFirst()
                .map(ResultCode.INTROSPECTION_SCOPE_NOT_COVERED::message);
    }

    private static Optional<ResultMessage> missingResource(AccessTokenRecord token, List<String> required) {
        if (required == null) {
            return Optional.empty();
        }
        return required.stream().filter(resource -> resource != null && !token.resources().contains(resource))
                .findFirst().map(ResultCode.INTROSPECTION_RESOURCE_NOT_COVERED::message);
    }

    private static Optional<ResultMessage> wrongSubject(AccessTokenRecord token, String required) {
        if (required == null) {
            return Optional.empty();
        }
        if (token.subject() == null) {
            return Optional.of(ResultCode.INTROSPECTION_SUBJECT_MISSING.message());
        }
        return token.subject().equals(required) ? Optional.empty()
                : Optional.of(ResultCode.INTROSPECTION_SUBJECT_DIFFERENT.message());
    }

    private static Optional<ResultMessage> weakAuthentication(GrantRecord grant, IntrospectionQuery query,
            Instant now) {
        List<String> acrValues = query.acrValues();
        if (acrValues != null && !acrValues.isEmpty()) {
            String acr = grant == null ? null : grant.acr();
            if (acr == null) {
                return Optional.of(ResultCode.INTROSPECTION_ACR_UNKNOWN.message(acrValues));
            }
            if (!acrValues.contains(acr)) {
                return Optional.of(ResultCode.INTROSPECTION_ACR_INSUFFICIENT.message(acr, acrValues));
            }
        }
        if (query.maxAge() > 0) {
            Instant authTime = grant == null ? null : grant.authTime();
            if (authTime == null) {
                return Optional.of(ResultCode.INTROSPECTION_AUTH_TIME_UNKNOWN.message(query.maxAge()));
            }
            long age = Duration.between(authTime, now).toSeconds();
            if (age > query.maxAge()) {
                return Optional.of(ResultCode.INTROSPECTION_AUTH_TOO_OLD.message(age, query.maxAge()));
            }
        }
        return Optional.empty();
    }

    private static Introspection notFound(IntrospectionAction action, ResultMessage result) {
        return new Introspection(action, result, action.error(), null, null, null, false, false, false, false);
    }

    /** What is known of a token that was found. */
    private record Facts(AccessTokenRecord token, Client client, GrantRecord grant, boolean expired,
            boolean sufficient, boolean refreshable) {
        Introspection answer(IntrospectionAction action, ResultMessage result) {
            return answer(action, result, action.error());
        }

        Introspection answer(IntrospectionAction action, ResultMessage result, String error) {
            return new Introspection(action, result, error, token, client, grant, true, !expired, sufficient, refreshable);
        }
    }
}
