package io.grantsmith.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.grantsmith.core.spi.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Connections to one PostgreSQL database and its schema migration. Everything PostgreSQL-specific about connecting
 * lives here, as {@link SqliteDatabase} holds SQLite's.
 */
final class PostgresDatabase {
    /** How long the driver waits to send the cancel request that enforces a query timeout. */
    static final int CANCEL_SIGNAL_SECONDS = 1;
    /** How long the pool waits for a connection that was idle to answer before it hands it out (or keeps it). */
    static final long VALIDATION_MILLIS = 1_000;

    private final PostgresSettings settings;

    PostgresDatabase(PostgresSettings settings) {
        this.settings = settings;
    }

    /**
     * The pool that reads and writes share. Every connection carries the write timeout as its
     * {@code statement_timeout} (set once per connection, not per statement), so a statement held by a lock fails
     * in time; the pool hands out a connection within the write timeout or fails; a socket that stops answering
     * (a server gone without closing the connection, a silent network partition) fails after the socket timeout,
     * twice the write timeout and a second ({@link #socketTimeoutSeconds}). Every other wait is bounded too: opening
     * a connection (TCP connect, and the whole login) by the write timeout, the cancel request that enforces a
     * query timeout by a second ({@value #CANCEL_SIGNAL_SECONDS} s instead of the driver's 10), and the pool's check
     * of a connection that was idle (before handing it out, and its keepalive) by a second
     * ({@value #VALIDATION_MILLIS} ms instead of HikariCP's 5 s): across a partition each of these would otherwise
     * hold a request, or the gate's trial, for the whole default. Parameters in the URL win over these driver
     * defaults.
     *
     * <p>The server side of a partition is bounded too: a session left inside a transaction (its node cut off before
     * COMMIT or ROLLBACK arrived) is ended by the server after {@code idle_in_transaction_session_timeout}, twice
     * the write timeout, releasing its row locks, instead of holding them until TCP gives up (hours by default);
     * TCP keepalive lets the server notice a peer that is gone altogether.</p>
     */
    HikariDataSource openPool() {
        long timeoutMillis = settings.writeTimeout().toMillis();
        HikariConfig config = new HikariConfig();
        config.setPoolName("grantsmith-postgres");
        config.setJdbcUrl(settings.connectionUrl());
        if (settings.password() != null) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(2, settings.poolSize()));
        config.setAutoCommit(true); // the writer opens its transactions itself; reads need none
        long connectionTimeout = Math.max(250L, timeoutMillis);
        config.setConnectionTimeout(connectionTimeout);
        config.setValidationTimeout(Math.max(250L, Math.min(VALIDATION_MILLIS, connectionTimeout)));
        // one statement, one round trip per new connection
        config.setConnectionInitSql("SELECT set_config('statement_timeout', '" + timeoutMillis + "', false), "
                + "set_config('idle_in_transaction_session_timeout', '" + 2 * timeoutMillis + "', false)");
        config.addDataSourceProperty("ApplicationName", "grantsmith");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        // the driver gives a parameter of the URL precedence over these properties
        driverTimeouts().forEach(config::addDataSourceProperty);
        // the pool must not fail the store's opening when the database is briefly away: the health check tells
        config.setInitializationFailTimeout(-1);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("opening the PostgreSQL pool for " + settings.redactedUrl() + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * One connection outside the pool, for {@code LISTEN} ({@link PostgresChangeListener}): it stays in one session for
     * as long as it lives, which a pooled connection must not. A socket that stops answering fails after twice the
     * write timeout, and the listener checks the connection more often than that.
     */
    Connection openListenerConnection() {
        PGSimpleDataSource dataSource = dataSource();
        dataSource.setApplicationName("grantsmith-listener");
        try {
            // a data source's setters would override the URL's parameters: set only what the URL leaves open
            for (Map.Entry<String, String> timeout : driverTimeouts().entrySet()) {
                if (!settings.urlSets(timeout.getKey())) {
                    dataSource.setProperty(timeout.getKey(), timeout.getValue());
                }
            }
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreException("connecting to " + settings.redactedUrl() + " to listen failed: "
                    + e.getMessage(), e);
        }
    }

    private PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        try {
            dataSource.setURL(settings.connectionUrl());
            if (settings.password() != null) {
                dataSource.setPassword(settings.password());
            }
        } catch (IllegalArgumentException e) {
            throw new StoreException("the PostgreSQL URL " + settings.redactedUrl() + " is malformed", e);
        }
        return dataSource;
    }

    /**
     * Applies pending migrations from {@link Dialect#POSTGRESQL}'s location, on a connection of its own without
     * the pool's statement timeout (a migration may build an index over many rows). Flyway takes a lock in the
     * database, so nodes started together migrate once. Returns how many ran. A schema already at the newest
     * migration is left alone without starting Flyway.
     */
    int migrate(SecretSealer sealer) {
        PGSimpleDataSource dataSource = dataSource();
        if (isCurrent(dataSource)) {
            return 0;
        }
        try {
            return Dialect.POSTGRESQL.flyway(dataSource, sealer)
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("migrating the PostgreSQL schema at " + settings.redactedUrl() + " failed: "
                    + innermost(e).getMessage(), e);
        }
    }

    /** Whether the schema needs no migration; a database it cannot reach is left to Flyway to report. */
    private static boolean isCurrent(PGSimpleDataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return SchemaVersion.isCurrent(connection, Dialect.POSTGRESQL);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Throwable innermost(Throwable e) {
        Throwable innermost = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            innermost = cause;
            if (cause instanceof SQLException) {
                break;
            }
        }
        return innermost;
    }

    /**
     * The driver's timeouts, in seconds, for the pool's connections and the listener's (not the migration's, whose
     * statements may take long): opening a connection (TCP connect, the whole login) by the write timeout, an answer
     * on the socket by {@link #socketTimeoutSeconds}, the cancel request that enforces a query timeout by
     * {@value #CANCEL_SIGNAL_SECONDS} s. One list, so that both kinds of connection agree; a parameter of the same name
     * in the URL wins over each.
     */
    Map<String, String> driverTimeouts() {
        Map<String, String> timeouts = new LinkedHashMap<>();
        timeouts.put("connectTimeout", Long.toString(seconds(settings.writeTimeout())));
        timeouts.put("loginTimeout", Long.toString(seconds(settings.writeTimeout())));
        timeouts.put("socketTimeout", Long.toString(socketTimeoutSeconds()));
        timeouts.put("cancelSignalTimeout", Integer.toString(CANCEL_SIGNAL_SECONDS));
        return timeouts;
    }

    /**
     * How long a connection waits for an answer on its socket: twice the write timeout (each statement's bound) and
     * a second, so that no statement the server still runs is cut; 11 s with the default 5 s write timeout. Across a
     * silent partition this is when the node learns that the database is unreachable, at the latest.
     */
    long socketTimeoutSeconds() {
        return 2 * seconds(settings.writeTimeout()) + 1;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
