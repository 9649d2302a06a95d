package io.grantsmith.core.spi;

/** Everything one store implementation provides, opened together and closed together. */
public interface Stores extends AutoCloseable {
    TokenStore tokens();

    TicketStore tickets();

    ServiceRegistry services();

    ClientRegistry clients();

    UserRegistry users();

    SettingsStore settings();

    Housekeeping housekeeping();

    /** Whether the store can serve requests right now (for health checks). */
    boolean isHealthy();

    @Override
    void close();
}
