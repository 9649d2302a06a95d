package io.grantsmith.store.memory;

import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.Housekeeping;
import io.grantsmith.registry.NodeLeases;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.ConsentStore;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.Stores;
import io.grantsmith.registry.UserRegistry;

/**
 * Every storage port in memory: nothing survives the process. For tests and for embedding where tokens need
 * not outlive the JVM. Client secrets and private keys are kept in clear (there is no disk to protect them on).
 */
public final class MemoryStores implements Stores {
    private final MemoryTokenStore tokens = new MemoryTokenStore();
    private final MemoryServiceKeys keys = new MemoryServiceKeys();
    private final MemoryAuthorizationStore authorization = new MemoryAuthorizationStore();
    private final MemoryConsentStore consents = new MemoryConsentStore();
    private final MemoryRegistries registries = new MemoryRegistries(keys, owner -> {
        tokens.purge(owner);
        authorization.purge(owner);
        consents.purge(owner);
    });
    private final MemoryNodeLeases nodeLeases = new MemoryNodeLeases();
    private final Housekeeping housekeeping = (now, limit) -> tokens.purgeExpired(now, limit)
            + authorization.purgeExpired(now, limit);

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
        return authorization;
    }

    @Override
    public AuthorizationCodeStore authorizationCodes() {
        return authorization;
    }

    @Override
    public ServiceRegistry services() {
        return registries;
    }

    @Override
    public ClientRegistry clients() {
        return registries;
    }

    @Override
    public UserRegistry users() {
        return registries;
    }

    @Override
    public SettingsStore settings() {
        return registries;
    }

    @Override
    public ConsentStore consents() {
        return consents;
    }

    @Override
    public ServiceKeyStore keys() {
        return keys;
    }

    @Override
    public Housekeeping housekeeping() {
        return housekeeping;
    }

    @Override
    public NodeLeases nodeLeases() {
        return nodeLeases;
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
