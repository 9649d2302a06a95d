package io.grantsmith.store.memory;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.RefreshTokenState;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.Housekeeping;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenStore;
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
    private final Map<TokenHash, AccessTokenRecord> accessTokens = new HashMap<>();
    private final Map<TokenHash, RefreshTokenRecord> refreshTokens = new HashMap<>();
    private final Map<TokenHash, Ticket> tickets = new HashMap<>();
    private final Map<FamilyId, Set<TokenHash>> accessTokensByFamily = new HashMap<>();

    @Override
    public synchronized SaveOutcome saveAccessToken(AccessTokenRecord accessToken) {
        if (accessTokens.containsKey(accessToken.hash())) {
            return SaveOutcome.DUPLICATE;
        }
        putAccessToken(accessToken);
        return SaveOutcome.SAVED;
    }

    @Override
    public synchronized SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken) {
        if (accessTokens.containsKey(accessToken.hash()) || refreshTokens.containsKey(refreshToken.hash())) {
            return SaveOutcome.DUPLICATE;
        }
        putAccessToken(accessToken);
        refreshTokens.put(refreshToken.hash(), refreshToken);
        return SaveOutcome.SAVED;
    }

    @Override
    public synchronized Optional<AccessTokenRecord> findAccessToken(TokenHash hash) {
        return Optional.ofNullable(accessTokens.get(hash));
    }

    @Override
    public synchronized Optional<RefreshTokenRecord> findRefreshToken(TokenHash hash) {
        return Optional.ofNullable(refreshTokens.get(hash));
    }

    @Override
    public synchronized RefreshWriteOutcome applyRefresh(RefreshWrite write) {
        RefreshTokenRecord current = refreshTokens.get(write.guarded());
        if (current == null || current.state() != RefreshTokenState.ACTIVE || current.isExpiredAt(write.now())) {
            return RefreshWriteOutcome.PRECONDITION_FAILED;
        }
        if (accessTokens.containsKey(write.accessToken().hash())) {
            return RefreshWriteOutcome.ACCESS_TOKEN_DUPLICATE;
        }
        if (write instanceof RefreshWrite.Rotate rotate) {
            refreshTokens.put(current.hash(), current.rotated(rotate.now()));
            refreshTokens.put(rotate.successor().hash(), rotate.successor());
        } else if (write instanceof RefreshWrite.Extend extend) {
            refreshTokens.put(current.hash(),
                    current.withExpiresAt(extend.newExpiresAt()).withProperties(extend.properties()));
        } // a Replay changes only the access token
        removeAccessTokens(current.family());
        putAccessToken(write.accessToken());
        return RefreshWriteOutcome.APPLIED;
    }

    @Override
    public synchronized void revokeFamily(FamilyId family) {
        refreshTokens.replaceAll((hash, record) -> record.family().equals(family)
                ? record.withState(RefreshTokenState.REVOKED) : record);
        removeAccessTokens(family);
    }

    @Override
    public synchronized void saveTicket(Ticket ticket) {
        tickets.put(ticket.hash(), ticket);
    }

    @Override
    public synchronized TicketUse useTicket(TokenHash hash, long serviceId, Instant now) {
        Ticket ticket = tickets.get(hash);
        if (ticket == null || ticket.serviceId() != serviceId) {
            return TicketUse.failed(TicketUse.Status.NOT_FOUND);
        }
        if (ticket.consumedAt() != null) {
            return TicketUse.failed(TicketUse.Status.ALREADY_USED);
        }
        if (!now.isBefore(ticket.expiresAt())) {
            return TicketUse.failed(TicketUse.Status.EXPIRED);
        }
        tickets.put(hash, ticket.consumed(now));
        return TicketUse.used(ticket);
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        int accessTokensPurged = purge(accessTokens, token -> token.expiresAt().isBefore(now), limit);
        accessTokensByFamily.values().forEach(hashes -> hashes.removeIf(hash -> !accessTokens.containsKey(hash)));
        accessTokensByFamily.values().removeIf(Set::isEmpty);
        return accessTokensPurged
                + purge(refreshTokens, token -> token.expiresAt().isBefore(now), limit)
                + purge(tickets, ticket -> ticket.expiresAt().isBefore(now), limit);
    }

    private void putAccessToken(AccessTokenRecord token) {
        accessTokens.put(token.hash(), token);
        if (token.family() != null) {
            accessTokensByFamily.computeIfAbsent(token.family(), family -> new HashSet<>()).add(token.hash());
        }
    }

    private void removeAccessTokens(FamilyId family) {
        Set<TokenHash> hashes = accessTokensByFamily.remove(family);
        if (hashes != null) {
            hashes.forEach(accessTokens::remove);
        }
    }

    private static <V> int purge(Map<TokenHash, V> map, Predicate<V> expired, int limit) {
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
}
