package io.grantsmith.store.memory;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.registry.Housekeeping;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tokens and tickets in memory. One lock guards everything, which makes every write trivially atomic; this
 * store is for tests and embedding, not for throughput.
 */
final class MemoryTokenStore implements TokenStore, TicketStore, Housekeeping {
    private final Map<Long, AccessTokenRecord> accessTokens = new HashMap<>();
    /** Caller-chosen values are unique per service, so they are indexed by service and hash. */
    private final Map<CallerChosen, Long> callerChosenAccessTokens = new HashMap<>();
    /** Refresh tokens as saved; their grant is read from {@link #grants}, which holds its current state. */
    private final Map<Long, RefreshTokenRecord> refreshTokens = new HashMap<>();
    private final Map<FamilyId, GrantRecord> grants = new HashMap<>();
    /** By key and hash (see MemoryAuthorizationStore). */
    private final Map<TokenLookup, Ticket> tickets = new HashMap<>();
    private final Map<FamilyId, Set<Long>> accessTokensByFamily = new HashMap<>();

    @Override
    public synchronized SaveOutcome saveAccessToken(AccessTokenRecord accessToken) {
        if (isTaken(accessToken)) {
            return SaveOutcome.DUPLICATE;
        }
        putAccessToken(accessToken);
        return SaveOutcome.SAVED;
    }

    @Override
    public synchronized SaveOutcome saveAccessTokenWithGrant(AccessTokenRecord accessToken, GrantRecord grant) {
        if (isTaken(accessToken) || grants.containsKey(grant.id())) {
            return SaveOutcome.DUPLICATE;
        }
        putAccessToken(accessToken);
        grants.put(grant.id(), grant);
        return SaveOutcome.SAVED;
    }

    @Override
    public synchronized SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken) {
        if (isTaken(accessToken) || refreshTokens.containsKey(refreshToken.key())
                || grants.containsKey(refreshToken.family())) {
            return SaveOutcome.DUPLICATE;
        }
        putAccessToken(accessToken);
        grants.put(refreshToken.family(), refreshToken.grant());
        refreshTokens.put(refreshToken.key(), refreshToken);
        return SaveOutcome.SAVED;
    }

    @Override
    public synchronized Optional<AccessTokenRecord> findAccessToken(long serviceId, TokenLookup lookup) {
        AccessTokenRecord byKey = accessTokens.get(lookup.key());
        if (byKey != null && byKey.hash().equals(lookup.hash()) && byKey.serviceId() == serviceId) {
            return Optional.of(byKey);
        }
        Long key = callerChosenAccessTokens.get(new CallerChosen(serviceId, lookup.hash()));
        return key == null ? Optional.empty() : Optional.ofNullable(accessTokens.get(key));
    }

    @Override
    public synchronized Optional<RefreshTokenRecord> findRefreshToken(TokenLookup lookup) {
        return refreshToken(lookup.key()).filter(found -> found.hash().equals(lookup.hash()));
    }

    @Override
    public synchronized Optional<RefreshTokenRecord> findRefreshToken(long key) {
        return refreshToken(key);
    }

    @Override
    public synchronized Optional<GrantRecord> findGrant(FamilyId family) {
        return Optional.ofNullable(grants.get(family));
    }

    /** The refresh token with its grant as it stands now; none once the grant is gone (it outlives its tokens). */
    private Optional<RefreshTokenRecord> refreshToken(long key) {
        RefreshTokenRecord stored = refreshTokens.get(key);
        GrantRecord grant = stored == null ? null : grants.get(stored.family());
        return grant == null ? Optional.empty() : Optional.of(stored.withGrant(grant));
    }

    @Override
    public synchronized RefreshWriteOutcome applyRefresh(RefreshWrite write) {
        RefreshTokenRecord current = refreshToken(write.guardedKey()).orElse(null);
        if (current == null || current.state() != RefreshTokenState.ACTIVE || current.isExpiredAt(write.now())) {
            return RefreshWriteOutcome.PRECONDITION_FAILED;
        }
        RefreshTokenRecord successor = write instanceof RefreshWrite.Rotate rotate ? rotate.successor() : null;
        if (isTaken(write.accessToken()) || (successor != null && refreshTokens.containsKey(successor.key()))) {
            return RefreshWriteOutcome.DUPLICATE;
        }
        if (successor != null) {
            refreshTokens.put(current.key(), current.rotated(write.now(), successor.key()));
            refreshTokens.put(successor.key(), successor);
        } else if (write instanceof RefreshWrite.Extend extend) {
            refreshTokens.put(current.key(),
                    current.withExpiresAt(extend.newExpiresAt()).withProperties(extend.properties()));
        } // a Replay changes no refresh token
        grants.put(current.family(), current.grant().keptUntil(write.grantKeptUntil()));
        if (write.supersedesAccessTokens()) {
            removeAccessTokens(current.family());
        }
        putAccessToken(write.accessToken());
        return RefreshWriteOutcome.APPLIED;
    }

    @Override
    public synchronized void revokeGrant(FamilyId family) {
        grants.computeIfPresent(family, (id, grant) -> grant.asRevoked());
        removeAccessTokens(family);
    }

    @Override
    public synchronized boolean deleteAccessToken(long key) {
        AccessTokenRecord removed = accessTokens.remove(key);
        if (removed == null) {
            return false;
        }
        if (removed.callerChosen()) {
            callerChosenAccessTokens.remove(CallerChosen.of(removed));
        }
        if (removed.family() != null) {
            Set<Long> keys = accessTokensByFamily.get(removed.family());
            if (keys != null) {
                keys.remove(key);
            }
        }
        return true;
    }

    @Override
    public synchronized void saveTicket(Ticket ticket) {
        tickets.put(new TokenLookup(ticket.key(), ticket.hash()), ticket);
    }

    @Override
    public synchronized TicketUse useTicket(TokenLookup lookup, long serviceId, Instant now) {
        Ticket ticket = tickets.get(lookup);
        if (ticket == null || ticket.serviceId() != serviceId) {
            return TicketUse.failed(TicketUse.Status.NOT_FOUND);
        }
        if (ticket.consumedAt() != null) {
            return TicketUse.failed(TicketUse.Status.ALREADY_USED);
        }
        if (!now.isBefore(ticket.expiresAt())) {
            return TicketUse.failed(TicketUse.Status.EXPIRED);
        }
        tickets.put(lookup, ticket.consumed(now));
        return TicketUse.used(ticket);
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        int purged = purge(accessTokens, token -> token.expiresAt().isBefore(now), limit);
        callerChosenAccessTokens.values().removeIf(key -> !accessTokens.containsKey(key));
        accessTokensByFamily.values().forEach(keys -> keys.removeIf(key -> !accessTokens.containsKey(key)));
        accessTokensByFamily.values().removeIf(Set::isEmpty);
        return purged
                + purge(refreshTokens, token -> token.expiresAt().isBefore(now), limit)
                + purge(grants, grant -> grant.expiresAt().isBefore(now), limit)
                + purge(tickets, ticket -> ticket.expiresAt().isBefore(now), limit);
    }

    /** Deletes everything issued to {@code owner}: access and refresh tokens, grants, tickets. */
    synchronized void purge(Owner owner) {
        accessTokens.values().removeIf(token -> owner.owns(token.serviceId(), token.clientId()));
        callerChosenAccessTokens.values().removeIf(key -> !accessTokens.containsKey(key));
        accessTokensByFamily.values().forEach(keys -> keys.removeIf(key -> !accessTokens.containsKey(key)));
        accessTokensByFamily.values().removeIf(Set::isEmpty);
        grants.values().removeIf(grant -> owner.owns(grant.serviceId(), grant.clientId()));
        refreshTokens.values().removeIf(token -> !grants.containsKey(token.family()));
        tickets.values().removeIf(ticket -> owner.owns(ticket.serviceId(), ticket.clientId()));
    }

    /** Whether the token's key, or for a caller-chosen value its hash within its service, is in use. */
    private boolean isTaken(AccessTokenRecord token) {
        return accessTokens.containsKey(token.key())
                || (token.callerChosen() && callerChosenAccessTokens.containsKey(CallerChosen.of(token)));
    }

    private void putAccessToken(AccessTokenRecord token) {
        accessTokens.put(token.key(), token);
        if (token.callerChosen()) {
            callerChosenAccessTokens.put(CallerChosen.of(token), token.key());
        }
        if (token.family() != null) {
            accessTokensByFamily.computeIfAbsent(token.family(), family -> new HashSet<>()).add(token.key());
        }
    }

    private void removeAccessTokens(FamilyId family) {
        Set<Long> keys = accessTokensByFamily.remove(family);
        if (keys != null) {
            for (Long key : keys) {
                AccessTokenRecord removed = accessTokens.remove(key);
                if (removed != null && removed.callerChosen()) {
                    callerChosenAccessTokens.remove(CallerChosen.of(removed));
                }
            }
        }
    }

    private static <K, V> int purge(Map<K, V> map, Predicate<V> expired, int limit) {
        int removed = 0;
        Iterator<V> values = map.values().iterator();
        while (values.hasNext() && removed < limit) {
            if (expired.test(values.next())) {
                values.remove();
                removed++;
            }
        }
        return removed;
    }

    /** The identity of a caller-chosen access token: its hash within its service. */
    private record CallerChosen(long serviceId, TokenHash hash) {
        static CallerChosen of(AccessTokenRecord token) {
            return new CallerChosen(token.serviceId(), token.hash());
        }
    }
}
