package io.grantsmith.testkit;

import io.grantsmith.core.model.Client;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.StoreException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Clients defined in code, for engine tests that do not exercise the management API. */
public final class FixedClientLookup implements ClientLookup {
    private final Map<Long, Client> clients = new ConcurrentHashMap<>();
    private volatile boolean failing;

    public FixedClientLookup add(Client client) {
        clients.put(client.id(), client);
        return this;
    }

    public void remove(long clientId) {
        clients.remove(clientId);
    }

    /** Makes every lookup from now on fail as a store does when its database is unreachable. */
    public void failLookups() {
        failing = true;
    }

    private void checkNotFailing() {
        if (failing) {
            throw new StoreException("injected failure of a client lookup");
        }
    }

    @Override
    public Optional<Client> findClient(long serviceId, long clientId) {
        checkNotFailing();
        return Optional.ofNullable(clients.get(clientId)).filter(client -> client.serviceId() == serviceId);
    }

    @Override
    public Optional<Client> findClientByAlias(long serviceId, String alias) {
        checkNotFailing();
        return clients.values().stream()
                .filter(client -> client.serviceId() == serviceId && Objects.equals(alias, client.alias()))
                .findFirst();
    }
}
