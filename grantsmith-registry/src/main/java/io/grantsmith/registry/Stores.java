package io.grantsmith.registry;

import io.grantsmith.core.spi.AuthorizationCodeStore;
import io.grantsmith.core.spi.AuthorizationTicketStore;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TokenStore;
import java.util.List;

/** Everything one store implementation provides, opened together and closed together. */
public interface Stores extends AutoCloseable {
    TokenStore tokens();

    TicketStore tickets();

    /** Authorization tickets, between {@code /auth/authorization} and {@code /issue} or {@code /fail}. */
    AuthorizationTicketStore authorizationTickets();

    /** Authorization codes, from {@code /auth/authorization/issue} to the token request that redeems them. */
    AuthorizationCodeStore authorizationCodes();

    ServiceRegistry services();

    ClientRegistry clients();

    UserRegistry users();

    SettingsStore settings();

    /** The scopes users allowed clients on the built-in login and consent page. */
    ConsentStore consents();

    /** The services' signing keys. */
    ServiceKeyStore keys();

    Housekeeping housekeeping();

    /** The node IDs that the nodes sharing this store lease, for the node bits of token row keys. */
    NodeLeases nodeLeases();

    /**
     * Changes to services, clients and keys made by other nodes on this store; {@link DirectoryChanges#NONE} for a
     * store no other node shares.
     */
    default DirectoryChanges directoryChanges() {
        return DirectoryChanges.NONE;
    }

    /** Whether the store can serve requests right now (for health checks). */
    boolean isHealthy();

    /** Live figures of the store's own machinery, for monitoring; none by default. */
    default List<StoreStatistic> statistics() {
        return List.of();
    }

    @Override
    void close();
}
