package io.grantsmith.testkit;

import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.FamilyId;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.Ticket;
import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.RefreshWrite;
import io.grantsmith.core.spi.RefreshWriteOutcome;
import io.grantsmith.core.spi.SaveOutcome;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TicketUse;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.DirectoryChanges;
import io.grantsmith.registry.Housekeeping;
import io.grantsmith.registry.NodeLeases;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.Stores;
import io.grantsmith.registry.UserRegistry;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A store whose token and ticket operations fail on demand with a {@link StoreException}, as a real store does
 * when its disk is full or its database unreachable; every other call goes to the wrapped store.
 */
public final class FailingStores implements Stores {
    /** The token and ticket operations that can be made to fail. */
    public enum Operation {
        SAVE_ACCESS_TOKEN, SAVE_GRANT, FIND_ACCESS_TOKEN, FIND_REFRESH_TOKEN, FIND_SUCCESSOR, APPLY_REFRESH,
        REVOKE_GRANT, DELETE_ACCESS_TOKEN, SAVE_TICKET, USE_TICKET
    }

    private final Stores delegate;
    private final Set<Operation> failing = EnumSet.noneOf(Operation.class);
    private final FailingTokens tokens = new FailingTokens();

    public FailingStores(Stores delegate) {
        this.delegate = delegate;
    }

    /** Makes {@code operation} fail from now on. */
    public synchronized void fail(Operation operation) {
        failing.add(operation);
    }

    private synchronized boolean fails(Operation operation) {
        return failing.contains(operation);
    }

    private <T> T call(Operation operation, Supplier<T> call) {
        if (fails(operation)) {
            throw new StoreException("injected failure of " + operation);
        }
        return call.get();
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public TicketStore tickets() {
        return tokens;
    }

    @Override
    public AuthorizationTicketStore authorizationTickets() {
        return delegate.authorizationTickets();
    }

    @Override
    public AuthorizationCodeStore authorizationCodes() {
        return delegate.authorizationCodes();
    }

    @Override
    public ServiceRegistry services() {
        return delegate.services();
    }

    @Override
    public ServiceKeyStore keys() {
        return delegate.keys();
    }

    @Override
    public ClientRegistry clients() {
        return delegate.clients();
    }

    @Override
    public UserRegistry users() {
        return delegate.users();
    }

    @Override
    public io.grantsmith.registry.ConsentStore consents() {
        return delegate.consents();
    }

    @Override
    public SettingsStore settings() {
        return delegate.settings();
    }

    @Override
    public Housekeeping housekeeping() {
        return delegate.housekeeping();
    }

    @Override
    public NodeLeases nodeLeases() {
        return delegate.nodeLeases();
    }

    @Override
    public DirectoryChanges directoryChanges() {
        return delegate.directoryChanges();
    }

    @Override
    public boolean isHealthy() {
        return delegate.isHealthy();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private final class FailingTokens implements TokenStore, TicketStore {
        @Override
        public SaveOutcome saveAccessToken(AccessTokenRecord accessToken) {
            return call(Operation.SAVE_ACCESS_TOKEN, () -> delegate.tokens().saveAccessToken(accessToken));
        }

        @Override
        public SaveOutcome saveAccessTokenWithGrant(AccessTokenRecord accessToken, GrantRecord grant) {
            return call(Operation.SAVE_GRANT, () -> delegate.tokens().saveAccessTokenWithGrant(accessToken, grant));
        }

        @Override
        public SaveOutcome saveGrant(AccessTokenRecord accessToken, RefreshTokenRecord refreshToken) {
            return call(Operation.SAVE_GRANT, () -> delegate.tokens().saveGrant(accessToken, refreshToken));
        }

        @Override
        public Optional<AccessTokenRecord> findAccessToken(long serviceId, TokenLookup lookup) {
            return call(Operation.FIND_ACCESS_TOKEN, () -> delegate.tokens().findAccessToken(serviceId, lookup));
        }

        @Override
        public Optional<RefreshTokenRecord> findRefreshToken(TokenLookup lookup) {
            return call(Operation.FIND_REFRESH_TOKEN, () -> delegate.tokens().findRefreshToken(lookup));
        }

        @Override
        public Optional<RefreshTokenRecord> findRefreshToken(long key) {
            return call(Operation.FIND_SUCCESSOR, () -> delegate.tokens().findRefreshToken(key));
        }

        @Override
        public Optional<GrantRecord> findGrant(FamilyId family) {
            return delegate.tokens().findGrant(family);
        }

        @Override
        public RefreshWriteOutcome applyRefresh(RefreshWrite write) {
            return call(Operation.APPLY_REFRESH, () -> delegate.tokens().applyRefresh(write));
        }

        @Override
        public void revokeGrant(FamilyId family) {
            call(Operation.REVOKE_GRANT, () -> {
                delegate.tokens().revokeGrant(family);
                return null;
            });
        }

        @Override
        public boolean deleteAccessToken(long key) {
            return call(Operation.DELETE_ACCESS_TOKEN, () -> delegate.tokens().deleteAccessToken(key));
        }

        @Override
        public void saveTicket(Ticket ticket) {
            call(Operation.SAVE_TICKET, () -> {
                delegate.tickets().saveTicket(ticket);
                return null;
            });
        }

        @Override
        public TicketUse useTicket(TokenLookup ticket, long serviceId, Instant now) {
            return call(Operation.USE_TICKET, () -> delegate.tickets().useTicket(ticket, serviceId, now));
        }
    }
}
