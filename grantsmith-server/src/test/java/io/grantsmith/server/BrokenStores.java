package io.grantsmith.server;

import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.DirectoryChanges;
import io.grantsmith.registry.Housekeeping;
import io.grantsmith.registry.NodeLeases;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.Stores;
import io.grantsmith.registry.UserRegistry;
import io.grantsmith.store.memory.MemoryStores;
import java.lang.reflect.Proxy;

/** The in-memory store with a fault: token writes fail as a broken disk would, or health checks fail. */
public final class BrokenStores implements Stores {
    private final MemoryStores delegate = new MemoryStores();
    private final boolean tokensFail;
    private final boolean healthy;

    private BrokenStores(boolean tokensFail, boolean healthy) {
        this.tokensFail = tokensFail;
        this.healthy = healthy;
    }

    /** Every token-store call throws {@link StoreException}; everything else works. */
    public static BrokenStores failingTokens() {
        return new BrokenStores(true, true);
    }

    /** Works, but reports itself unable to serve requests. */
    public static BrokenStores unhealthy() {
        return new BrokenStores(false, false);
    }

    @Override
    public TokenStore tokens() {
        if (!tokensFail) {
            return delegate.tokens();
        }
        return (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[] {TokenStore.class},
                (proxy, method, args) -> {
                    throw new StoreException("disk on fire (test)");
                });
    }

    @Override
    public TicketStore tickets() {
        return delegate.tickets();
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
    public ServiceKeyStore keys() {
        return delegate.keys();
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
        return healthy;
    }

    @Override
    public void close() {
        delegate.close();
    }
}
