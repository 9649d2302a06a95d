package io.grantsmith.server.cli;

import io.grantsmith.store.jdbc.PostgresSettings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of the store that the command line can change.
 *
 * @param writeTimeout how long a request waits for its write to commit before it fails
 * @param kind         which database: SQLite in the data directory (the default) or a shared PostgreSQL
 * @param dbUrl        the PostgreSQL JDBC URL ({@code --db-url}); null for SQLite
 * @param dbPassword   the PostgreSQL password from the secret setting {@code db-password}, or null (it may be in
 *                     the URL instead)
 * @param dbPoolSize   connections one node keeps to PostgreSQL
 * @param dbWriter     how one node's writes reach PostgreSQL: in group transactions or one transaction each
 * @param dbGroupWriters with group transactions, how many writer threads take them
 */
public record StoreOptions(Duration writeTimeout, Kind kind, String dbUrl, String dbPassword, int dbPoolSize,
        PostgresSettings.Writer dbWriter, int dbGroupWriters) {
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_DB_POOL_SIZE = 16;

    /** The databases Grantsmith stores its data in, by their {@code --store} names. */
    public enum Kind {
        SQLITE, POSTGRES;

        /** {@code sqlite} or {@code postgres} (any case); null is SQLite, the default. */
        static Kind parse(String name) {
            if (name == null || name.isBlank()) {
                return SQLITE;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--store must be sqlite or postgres, not '" + name + "'");
            }
        }

        public String optionValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public StoreOptions {
        if (kind == Kind.POSTGRES && (dbUrl == null || dbUrl.isBlank())) {
            throw new IllegalArgumentException("--store postgres needs --db-url (or GRANTSMITH_DB_URL), e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/grantsmith?user=grantsmith");
        }
        if (kind == Kind.SQLITE && dbUrl != null && !dbUrl.isBlank()) {
            throw new IllegalArgumentException("--db-url is for --store postgres; SQLite keeps its database in the "
                    + "data directory");
        }
        Objects.requireNonNull(dbWriter, "dbWriter");
        if (dbPoolSize < 1 || dbPoolSize > 1000) {
            throw new IllegalArgumentException("--db-pool-size must be 1 to 1000");
        }
        if (dbGroupWriters < 1 || dbGroupWriters > PostgresSettings.MAX_GROUP_WRITERS) {
            throw new IllegalArgumentException("--db-group-writers must be 1 to " + PostgresSettings.MAX_GROUP_WRITERS);
        }
        if (kind == Kind.POSTGRES && dbWriter == PostgresSettings.Writer.GROUP && dbPoolSize < 2) {
            throw new IllegalArgumentException("--db-pool-size " + dbPoolSize + " cannot work with --db-writer group "
                    + "(the default): the group writers hold connections of their own beside the reads; use "
                    + "--db-pool-size 2 or more, or --db-writer pooled");
        }
    }

    /** What offline commands use: SQLite. */
    public static StoreOptions defaults() {
        return new StoreOptions(DEFAULT_WRITE_TIMEOUT, Kind.SQLITE, null, null, DEFAULT_DB_POOL_SIZE,
                PostgresSettings.DEFAULT_WRITER, PostgresSettings.DEFAULT_GROUP_WRITERS);
    }

    /** These settings on the database the shared options (every command's) name. */
    StoreOptions on(DataOptions data, String password) {
        return new StoreOptions(writeTimeout, Kind.parse(data.store), data.dbUrl, password, dbPoolSize, dbWriter,
                dbGroupWriters);
    }

    /** {@code group} or {@code pooled} (any case). */
    static PostgresSettings.Writer parseWriter(String name) {
        try {
            return PostgresSettings.Writer.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--db-writer must be group or pooled, not '" + name + "'");
        }
    }
}
