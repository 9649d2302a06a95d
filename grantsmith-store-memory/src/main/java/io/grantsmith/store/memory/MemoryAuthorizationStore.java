package io.grantsmith.store.memory;

import io.grantsmith.core.model.AuthorizationCode;
import io.grantsmith.core.model.AuthorizationTicket;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.AuthorizationTicketUse;
import io.grantsmith.core.spi.CodeRedemption;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Authorization tickets and codes in memory. One lock guards both maps, which makes using a ticket, redeeming a
 * code and recording its grant trivially atomic.
 */
final class MemoryAuthorizationStore implements AuthorizationTicketStore, AuthorizationCodeStore {
    /** By key and hash, as the SQL stores find them: a value presented with the right key but another hash misses. */
    private final Map<TokenLookup, TicketEntry> tickets = new HashMap<>();
    private final Map<TokenLookup, CodeEntry> codes = new HashMap<>();

    @Override
    public synchronized void saveAuthorizationTicket(AuthorizationTicket ticket) {
        tickets.put(new TokenLookup(ticket.key(), ticket.hash()), new TicketEntry(ticket, false));
    }

    @Override
    public synchronized AuthorizationTicketUse useAuthorizationTicket(TokenLookup lookup, long serviceId,
            Instant now) {
        TicketEntry entry = tickets.get(lookup);
        if (entry == null || entry.ticket().serviceId() != serviceId) {
            return AuthorizationTicketUse.failed(TicketUse.Status.NOT_FOUND);
        }
        if (entry.used()) {
            return AuthorizationTicketUse.failed(TicketUse.Status.ALREADY_USED);
        }
        if (!now.isBefore(entry.ticket().expiresAt())) {
            return AuthorizationTicketUse.failed(TicketUse.Status.EXPIRED);
        }
        tickets.put(lookup, new TicketEntry(entry.ticket(), true));
        return AuthorizationTicketUse.used(entry.ticket());
    }

    @Override
    public synchronized void saveAuthorizationCode(AuthorizationCode code) {
        codes.put(new TokenLookup(code.key(), code.hash()), new CodeEntry(code));
    }

    @Override
    public synchronized CodeRedemption redeem(TokenLookup lookup, long serviceId, Instant now) {
        CodeEntry entry = codes.get(lookup);
        if (entry == null || entry.code.serviceId() != serviceId) {
            return new CodeRedemption.NotFound();
        }
        if (entry.redeemed) {
            entry.reused = true;
            return new CodeRedemption.AlreadyUsed(entry.grant);
        }
        if (!now.isBefore(entry.code.expiresAt())) {
            return new CodeRedemption.Expired();
        }
        entry.redeemed = true;
        return new CodeRedemption.Redeemed(entry.code);
    }

    @Override
    public synchronized boolean recordIssued(TokenLookup lookup, long serviceId, FamilyId grant) {
        CodeEntry entry = codes.get(lookup);
        if (entry == null || entry.code.serviceId() != serviceId) {
            return false; // purged meanwhile: nobody can reuse it any more
        }
        entry.grant = grant;
        return entry.reused;
    }

    /** Deletes up to {@code limit} expired tickets and as many expired codes. */
    /** Deletes the authorization tickets and codes of {@code owner}. */
    synchronized void purge(Owner owner) {
        tickets.values().removeIf(entry -> owner.owns(entry.ticket().serviceId(), entry.ticket().clientId()));
        codes.values().removeIf(entry -> owner.owns(entry.code.serviceId(), entry.code.clientId()));
    }

    synchronized int purgeExpired(Instant now, int limit) {
        return purge(tickets.values().iterator(), entry -> entry.ticket().expiresAt().isBefore(now), limit)
                + purge(codes.values().iterator(), entry -> entry.code.expiresAt().isBefore(now), limit);
    }

    private static <V> int purge(Iterator<V> values, Predicate<V> expired, int limit) {
        int removed = 0;
        while (values.hasNext() && removed < limit) {
            if (expired.test(values.next())) {
                values.remove();
                removed++;
            }
        }
        return removed;
    }

    private record TicketEntry(AuthorizationTicket ticket, boolean used) {
    }

    /** A code and what happened to it; mutated under the store's lock only. */
    private static final class CodeEntry {
        final AuthorizationCode code;
        boolean redeemed;
        boolean reused;
        FamilyId grant;

        CodeEntry(AuthorizationCode code) {
            this.code = code;
        }
    }
}
