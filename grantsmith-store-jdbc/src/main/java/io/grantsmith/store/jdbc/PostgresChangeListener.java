package io.grantsmith.store.jdbc;

import io.grantsmith.registry.DirectoryChanges;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears the changes other nodes commit ({@link ChangeNotices}) on a dedicated connection of its own, outside the
 * pool: {@code LISTEN} on the store's channel, then {@code getNotifications} in a loop on one thread. A notification
 * arrives as soon as the writer's transaction commits, so a node drops a stale cache entry within milliseconds. The
 * connection is checked with {@code SELECT 1} every {@value #CHECK_MILLIS} ms (a silently dead socket would
 * otherwise just look quiet); when it fails, the listener reconnects every {@value #RETRY_MILLIS} ms, and once it
 * listens again it reports {@link DirectoryChanges.Listener#everythingMayHaveChanged()}, since notifications sent
 * meanwhile are lost. The payload is {@code <kind>:<serviceId>}, kind {@code s} (service), {@code c} (clients) or
 * {@code k} (keys).
 */
final class PostgresChangeListener implements DirectoryChanges, AutoCloseable {
    static final long CHECK_MILLIS = 2_000;
    static final long RETRY_MILLIS = 1_000;
    private static final int WAIT_MILLIS = 500;
    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);

    private final String channel;
    private final Supplier<Connection> connections;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;
    private volatile Connection current;
    private volatile int backendPid;

    /**
     * @param connections opens a new connection to the store's database (with the store's schema), each time called
     */
    PostgresChangeListener(String channel, Supplier<Connection> connections) {
        this.channel = channel;
        this.connections = connections;
        this.thread = new Thread(this::run, "grantsmith-postgres-listener");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /** Whether the listener holds a connection that is listening now (for tests and monitoring). */
    boolean isListening() {
        return listening;
    }

    private void run() {
        boolean reported = false;
        while (!closed) {
            try (Connection connection = connections.get()) {
                current = connection;
                if (closed) {
                    // close() gave up waiting while this connection was being opened (it may take the connect
                    // timeout): no listener may hear from a closed store, and the connection closes here
                    return;
                }
                listen(connection);
                listening = true;
                if (reported) {
                    LOG.info("Listening for other nodes' changes again; dropping every cached service and client");
                    reported = false;
                }
                // whatever was cached before this LISTEN may have changed unheard (on the first start: nothing)
                if (closed) {
                    return;
                }
                listeners.forEach(Listener::everythingMayHaveChanged);
                receive(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    return;
                }
                if (!reported) {
                    LOG.warn("Not listening for other nodes' changes ({}); caches fall back to their time-to-live "
                            + "until the connection is back", e.getMessage());
                    reported = true;
                }
                pause(RETRY_MILLIS);
            } finally {
                listening = false;
                current = null;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + quoted(channel));
            try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                backendPid = pid.next() ? pid.getInt(1) : 0;
            }
        }
    }

    /** The server process of the listening connection (for tests that cut it), 0 before the first. */
    int backendPid() {
        return backendPid;
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long checkedAt = System.nanoTime();
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    if (closed) {
                        return;
                    }
                    dispatch(notification.getParameter());
                }
            }
            if (System.nanoTime() - checkedAt > Duration.ofMillis(CHECK_MILLIS).toNanos()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT 1");
                }
                checkedAt = System.nanoTime();
            }
        }
    }

    private void dispatch(String payload) {
        int colon = payload.indexOf(':');
        long serviceId;
        try {
            serviceId = Long.parseLong(payload.substring(colon + 1));
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            LOG.warn("Ignoring a malformed change notice on {}", channel);
            return;
        }
        for (Listener listener : listeners) {
            try {
                switch (payload.charAt(0)) {
                    case 's' -> listener.serviceChanged(serviceId);
                    case 'c' -> listener.clientsChanged(serviceId);
                    case 'k' -> listener.keysChanged(serviceId);
                    default -> listener.everythingMayHaveChanged();
                }
            } catch (RuntimeException e) {
                LOG.warn("A listener failed on change notice {}", payload, e);
            }
        }
    }

    /** The channel as a quoted identifier: it carries the schema's name, which may need quoting. */
    static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops listening and closes the connection. Waits up to 2 s for the thread; one still opening a connection then
     * (which may take the connect timeout) closes it as soon as it opens and calls no listener.
     */
    @Override
    public void close() {
        closed = true;
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
