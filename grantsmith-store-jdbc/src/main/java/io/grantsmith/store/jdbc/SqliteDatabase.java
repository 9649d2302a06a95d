package io.grantsmith.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.grantsmith.core.spi.StoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Connections to one SQLite file, each with the pragmas it needs, and the schema migration. Everything
 * SQLite-specific about connecting lives here.
 */
final class SqliteDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteDatabase.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path file;
    private final int busyTimeoutMillis;

    SqliteDatabase(Path file, int busyTimeoutMillis) {
        this.file = file.toAbsolutePath();
        this.busyTimeoutMillis = busyTimeoutMillis;
    }

    /**
     * Makes the database private before anything opens it: missing parent directories are created 0700, a missing
     * database file is created empty 0600 (SQLite gives its -wal and -shm files the database file's mode), and an
     * existing database, -wal or -shm file open to group or others (as release 0.1 left them, under a usual umask)
     * is made 0600, with a warning. On file systems without POSIX permissions nothing is changed.
     */
    void createPrivately() {
        Path parent = file.getParent();
        try {
            if (!isPosix()) {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return;
            }
            if (parent != null) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
            }
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
            } catch (FileAlreadyExistsException existing) {
                // an existing database: checked below
            }
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                makeOwnerOnly(Path.of(file + suffix));
            }
        } catch (IOException e) {
            throw new StoreException("making the SQLite database " + file + " private failed", e);
        }
    }

    private static void makeOwnerOnly(Path path) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(path);
        } catch (NoSuchFileException absent) {
            return;
        }
        Set<PosixFilePermission> ownerOnly = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : permissions) {
            if (OWNER_ONLY_FILE.contains(permission)) {
                ownerOnly.add(permission);
            }
        }
        if (!ownerOnly.equals(permissions)) {
            Files.setPosixFilePermissions(path, ownerOnly);
            LOG.warn("{} was open to group or others ({}); made it {} (owner only)", path,
                    PosixFilePermissions.toString(permissions), PosixFilePermissions.toString(ownerOnly));
        }
    }

    private boolean isPosix() {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * The single writer connection. WAL lets readers run beside it; {@code synchronous=FULL} fsyncs the WAL on
     * every commit, so an acknowledged write survives power loss (with group commit this was measured to cost no
     * throughput against NORMAL, as batches simply grow). Checkpoints keep SQLite's defaults: tuning them away
     * caused 100 ms p99 stalls. Statement journals for savepoints stay in memory. No foreign keys: the store
     * deletes dependent rows itself. No generated keys: the driver would otherwise run
     * {@code SELECT last_insert_rowid()} after every INSERT (5 % of the writer's time in a profile), and nothing
     * here reads them.
     */
    Connection openWriter() {
        SQLiteConfig config = baseConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.enforceForeignKeys(false);
        config.setGetGeneratedKeys(false);
        try {
            Connection connection = config.createConnection(url());
            connection.setAutoCommit(true); // the writer issues BEGIN/COMMIT itself, see TransactionSql
            return connection;
        } catch (SQLException e) {
            throw new StoreException("opening the SQLite writer connection failed", e);
        }
    }

    /**
     * Read connections. {@code query_only} makes an accidental write through the pool fail instead of
     * bypassing the writer (and its group commit).
     */
    HikariDataSource openReadPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("grantsmith-sqlite-read");
        config.setDataSource(dataSource());
        config.setConnectionInitSql("PRAGMA query_only = 1");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setAutoCommit(true);
        config.setConnectionTimeout(Math.max(1_000L, busyTimeoutMillis));
        config.setMaxLifetime(0); // file connections do not go stale
        config.setIdleTimeout(0);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException("opening the SQLite read pool failed", e);
        }
    }

    /**
     * Applies pending migrations: {@link Dialect#SQLITE}'s, the Java ones with {@code sealer}. Returns how many ran (zero when the schema is current). A schema
     * already at the newest migration, as {@code connection} reads it, is left alone without starting Flyway.
     */
    int migrate(Connection connection, SecretSealer sealer) {
        if (SchemaVersion.isCurrent(connection, Dialect.SQLITE)) {
            return 0;
        }
        try {
            return Dialect.SQLITE.flyway(migrationDataSource(), sealer)
                    // an empty database has no applied migration to check against the files: validating it only
                    // re-read the history table Flyway had just created (5 of 44 samples of Flyway in cold runs);
                    // any other database (older schema, failed or later migration) is validated as before
                    .validateOnMigrate(!isEmpty(connection))
                    .load()
                    .migrate()
                    .migrationsExecuted;
        } catch (FlywayException e) {
            throw new StoreException("migrating the SQLite schema failed: " + reason(e), e);
        }
    }

    /** Whether the database holds no table, index or view at all (a new file); false when it cannot tell. */
    static boolean isEmpty(Connection connection) {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM main.sqlite_master")) {
            return row.next() && row.getLong(1) == 0;
        } catch (SQLException e) {
            return false; // then Flyway validates, as it always did
        }
    }

    /**
     * What the operator can act on: the message of a {@link StoreException} in the chain (a Java migration's, such
     * as a wrong sealing key), else of the innermost cause, rather than Flyway's wrapper alone.
     */
    private static String reason(FlywayException e) {
        Throwable innermost = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreException) {
                return cause.getMessage();
            }
            innermost = cause;
        }
        return innermost.getMessage();
    }

    Path file() {
        return file;
    }

    private SQLiteDataSource dataSource() {
        return dataSource(baseConfig());
    }

    /**
     * Flyway's connections: {@code synchronous=NORMAL}, so that a first start's migrations (a dozen transactions,
     * each fsynced twice under FULL) do not wait for the disk, while the store's own setting stays FULL.
     * <p>
     * Why nothing committed can be lost: {@code synchronous} belongs to a connection, and these are Flyway's alone,
     * closed when {@code migrate} returns; the writer, the only connection that writes tokens, keeps the FULL it
     * was opened with ({@link #openWriter}, before the migration). In WAL mode NORMAL skips only the WAL's fsync at
     * each commit (checkpoints still sync), so a crash or power cut can take the newest migration transactions and
     * nothing else: the WAL's checksums end the database at the last whole one, each migration commits with its own
     * history row, and the next start sees the schema behind and migrates the rest again (after a crash during the
     * first one, an empty database migrates from V1). The first write the writer commits fsyncs the WAL, and with it
     * every migration frame before its own, so once a token is acknowledged the schema under it is durable too.
     */
    SQLiteDataSource migrationDataSource() {
        SQLiteConfig config = baseConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return dataSource(config);
    }

    private SQLiteDataSource dataSource(SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url());
        return dataSource;
    }

    /** What every connection needs: WAL, and waiting (not failing) while another process holds a lock. */
    private SQLiteConfig baseConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(busyTimeoutMillis);
        return config;
    }

    private String url() {
        return "jdbc:sqlite:" + file;
    }
}
