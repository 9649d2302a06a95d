package io.grantsmith.testkit;

import io.grantsmith.core.model.Client;
import io.grantsmith.core.spi.ClientLookup;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Clients defined in code, for engine tests that do not exercise the management API. */
public final class FixedClientLookup implements ClientLookup {
    private final Map<Long, Client> clients = new ConcurrentHashMap<>();

    public FixedClientLookup add(Client client) {
        clients.put(client.id(), client);
        return this;
    }

    public void remove(long clientId) {
        clients.remove(clientId);
    }

    @Override
    public Optional<Client> findClient(long serviceId, long clientId) {
        return Optional.ofNullable(clients.get(clientId)).filter(client -> client.serviceId() == serviceId);
    }

    @Override
    public Optional<Client> findClientByAlias(long serviceId, String alias) {
        return clients.values().stream()
                .filter(client -> client.serviceId() == serviceId && Objects.equals(alias, client.alias()))
                .findFirst();
    }
}
