package io.grantsmith.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
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
import io.grantsmith.registry.ConsentStore;
import io.grantsmith.registry.SettingsStore;
import io.grantsmith.registry.StoreStatistic;
import io.grantsmith.registry.Stores;
import io.grantsmith.registry.UserRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every storage port on one database. On SQLite (one file, the durable embedded default) all writes go through one
 * {@link GroupCommitWriter} (SQLite has one writer anyway), reads through a small pool beside it; a write returns
 * once its transaction is committed with {@code synchronous=FULL}, so it survives a crash or power loss. On
 * PostgreSQL (several nodes on one database) the node's writes go through a {@link GroupCommitWriter} whose few
 * threads each hold a pooled connection, or each is a transaction of its own on a pooled connection ({@link PooledWriter}), as
 * {@link PostgresSettings#writer()} says; reads share the pool. The ports' SQL is the same on both (see {@link Dialect}).
 */
public final class JdbcStores implements Stores {
    /** PostgreSQL's limit on a channel name (an identifier: NAMEDATALEN - 1 bytes). */
    private static final int MAX_CHANNEL_BYTES = 63;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStores.class);

    private final StoreWriter writer;
    /** Where owner deletions run: {@link #writer}, or beside a group writer on PostgreSQL a pooled one. */
    private final StoreWriter deletions;
    private final ReadPool reads;
    private final HealthProbe health;
    private final int migrationsApplied;
    private final JdbcTokenStore tokens;
    private final JdbcTicketStore tickets;
    private final JdbcAuthorizationStore authorization;
    private final JdbcServiceRegistry services;
    private final JdbcClientRegistry clients;
    private final JdbcUserRegistry users;
    private final JdbcSettingsStore settings;
    private final JdbcConsentStore consents;
    private final JdbcServiceKeys keys;
    private final JdbcHousekeeping housekeeping;
    private final JdbcNodeLeases nodeLeases;
    private final PostgresChangeListener changes;
    /** The pool's and the gate's figures on PostgreSQL; none on SQLite. */
    private final List<StoreStatistic> poolStatistics;

    private JdbcStores(StoreWriter writer, ReadPool reads, SecretSealer sealer, int migrationsApplied) {
        this(writer, writer, reads, sealer, migrationsApplied, Dialect.SQLITE, ChangeNotices.NONE, null, List.of());
    }

    /** @param changes hears other nodes' changes (PostgreSQL), or null where no other node writes */
    private JdbcStores(StoreWriter writer, StoreWriter deletions, ReadPool reads, SecretSealer sealer,
            int migrationsApplied, Dialect dialect, ChangeNotices notices, PostgresChangeListener changes,
            List<StoreStatistic> poolStatistics) {
        this.writer = writer;
        this.poolStatistics = poolStatistics;
        this.deletions = deletions;
        this.changes = changes;
        this.reads = reads;
        this.migrationsApplied = migrationsApplied;
        this.health = new HealthProbe(writer, reads, System::nanoTime);
        JsonColumns json = new JsonColumns();
        this.tokens = new JdbcTokenStore(writer, reads, new TokenRows(json), json);
        this.tickets = new JdbcTicketStore(writer, json);
        this.authorization = new JdbcAuthorizationStore(writer, new AuthorizationRows(json));
        this.services = new JdbcServiceRegistry(writer, deletions, reads, notices);
        this.clients = new JdbcClientRegistry(writer, deletions, reads, sealer, notices);
        this.users = new JdbcUserRegistry(writer, reads);
        this.settings = new JdbcSettingsStore(writer, reads);
        this.consents = new JdbcConsentStore(writer, reads);
        this.keys = new JdbcServiceKeys(writer, reads, sealer, notices);
        this.housekeeping = new JdbcHousekeeping(writer, dialect);
        this.nodeLeases = new JdbcNodeLeases(writer);
    }

    /**
     * Opens (creating if needed) the SQLite database in {@code settings.file()}, applies pending migrations and
     * starts the writer.
     *
     * @throws StoreException when the file cannot be opened or migrated
     */
    public static JdbcStores openSqlite(SqliteSettings settings) {
        return openSqlite(settings, UnaryOperator.identity());
    }

    /** For tests: as {@link #openSqlite(SqliteSettings)}, with every writer connection wrapped by {@code wrap}. */
    static JdbcStores openSqlite(SqliteSettings settings, UnaryOperator<Connection> wrap) {
        SecretSealer sealer = new SecretSealer(settings.sealingKey(), new SecureRandom());
        SqliteDatabase database = new SqliteDatabase(settings.file(), (int) settings.busyTimeout().toMillis());
        database.createPrivately();
        // first, so that WAL is on before anything else
        Connection writerConnection = wrap.apply(database.openWriter());
        ReadPool reads = null;
        try {
            int migrationsApplied = database.migrate(writerConnection, sealer);
            reads = new ReadPool(database.openReadPool(settings.readPoolSize()));
            GroupCommitWriter writer = GroupCommitWriter.start(writerConnection,
                    () -> wrap.apply(database.openWriter()),
                    TransactionSql.sqlite(), Dialect.SQLITE, settings.maxBatch(), settings.queueCapacity(), settings.writeTimeout());
            LOG.info("Opened SQLite store {} ({} migrations applied)", database.file(), migrationsApplied);
            return new JdbcStores(writer, reads, sealer, migrationsApplied);
        } catch (RuntimeException e) {
            if (reads != null) {
                reads.close();
            }
            closeQuietly(writerConnection, e);
            throw e;
        }
    }

    /**
     * Opens the PostgreSQL database {@code settings.url()}, applies pending migrations and opens its connection pool.
     * Every node of one database opens it so; the first to start migrates it (Flyway locks it meanwhile).
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static JdbcStores openPostgres(PostgresSettings settings) {
        settings.requireWorkable();
        Duration linger = BatchLinger.configuredBound(); // a bad value fails before anything is opened
        if (settings.writer() == PostgresSettings.Writer.GROUP
                && settings.effectiveGroupWriters() < settings.groupWriters()) {
            LOG.warn("{} group writers asked for, {} started: a pool of {} keeps one connection for the reads "
                    + "(raise the pool size to run them all)", settings.groupWriters(),
                    settings.effectiveGroupWriters(), settings.poolSize());
        }
        SecretSealer sealer = new SecretSealer(settings.sealingKey(), new SecureRandom());
        PostgresDatabase database = new PostgresDatabase(settings);
        int migrationsApplied = database.migrate(sealer);
        HikariDataSource pool = database.openPool();
        ConnectionGate connections = ConnectionGate.of(pool, settings.redactedUrl());
        PooledWriter pooled = new PooledWriter(connections, () -> waitingFor(pool), Dialect.POSTGRESQL,
                settings.writeTimeout());
        // A client's or service's deletion scans the token tables (OwnerPurgeSql) for as long as it takes: in a group
        // transaction every other write of the node would wait behind it, so it gets a pooled transaction of its own.
        StoreWriter writer = switch (settings.writer()) {
            case GROUP -> GroupCommitWriter.start(null, ConnectionSource.pooled(connections, pool::evictConnection),
                    TransactionSql.postgres(), Dialect.POSTGRESQL, PostgresSettings.GROUP_MAX_BATCH,
                    PostgresSettings.GROUP_QUEUE_CAPACITY, settings.writeTimeout(), settings.effectiveGroupWriters(),
                    linger);
            case POOLED -> pooled;
        };
        ReadPool reads = new ReadPool(pool, connections);
        String channel;
        try {
            channel = changeChannel(reads);
        } catch (RuntimeException e) {
            writer.close();
            pooled.close();
            reads.close();
            throw e;
        }
        PostgresChangeListener changes = new PostgresChangeListener(channel, database::openListenerConnection);
        changes.start();
        LOG.info("Opened PostgreSQL store {} ({} migrations applied, pool of {}, {} writer{}, change channel {})",
                settings.redactedUrl(), migrationsApplied, settings.poolSize(),
                settings.writer().name().toLowerCase(Locale.ROOT),
                settings.writer() == PostgresSettings.Writer.GROUP ? " x " + settings.effectiveGroupWriters()
                        + " (linger " + linger.toNanos() / 1000 + " us)" : "", channel);
        return new JdbcStores(writer, pooled, reads, sealer, migrationsApplied, Dialect.POSTGRESQL,
                ChangeNotices.on(channel), changes, PostgresPoolStatistics.of(pool::getHikariPoolMXBean, connections));
    }

    /**
     * The notification channel of this store: one per schema, since channels are per database and two deployments
     * (or test classes) may share a database in different schemas.
     */
    private static String changeChannel(ReadPool reads) {
        return changeChannel(reads.first("currentSchema", "SELECT current_schema()", Params.of(),
                row -> row.getString(1)).orElse("public"));
    }

    /**
     * {@code grantsmith:<schema>} when that is printable ASCII of at most {@value #MAX_CHANNEL_BYTES} bytes (so one
     * character is one byte); otherwise {@code gs_} and the first 128 bits of the schema name's SHA-256 in hex (35
     * bytes): a channel name is limited in bytes, and cutting a name with multi-byte characters could split one.
     * The same on every node, which must agree on it.
     */
    static String changeChannel(String schema) {
        String plain = "grantsmith:" + schema;
        if (plain.length() <= MAX_CHANNEL_BYTES && plain.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(schema.getBytes(StandardCharsets.UTF_8));
            return "gs_" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static int waitingFor(HikariDataSource pool) {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? 0 : bean.getThreadsAwaitingConnection();
    }

    @Override
    public TokenStore tokens() {
        return tokens;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
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
        return services;
    }

    @Override
    public ClientRegistry clients() {
        return clients;
    }

    @Override
    public UserRegistry users() {
        return users;
    }

    @Override
    public SettingsStore settings() {
        return settings;
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

    /** On PostgreSQL, what other nodes change; on SQLite, nothing (no other node writes the file). */
    @Override
    public DirectoryChanges directoryChanges() {
        return changes != null ? changes : DirectoryChanges.NONE;
    }

    /** The writer's counters, and on PostgreSQL the pool's and the outages', for metrics. */
    @Override
    public List<StoreStatistic> statistics() {
        GroupCommitMetrics metrics = groupCommitMetrics();
        List<StoreStatistic> writerStatistics = List.of(
                new StoreStatistic("store.writer.batches", "Transactions the group-commit writer committed",
                        StoreStatistic.Kind.COUNTER, metrics::batchesCommitted),
                new StoreStatistic("store.writer.writes", "Writes committed (writes / batches = mean batch size)",
                        StoreStatistic.Kind.COUNTER, metrics::opsCommitted),
                new StoreStatistic("store.writer.failures", "Writes that failed with an error",
                        StoreStatistic.Kind.COUNTER, metrics::opsFailed),
                new StoreStatistic("store.writer.timeouts", "Writes whose callers stopped waiting at the write timeout",
                        StoreStatistic.Kind.COUNTER, metrics::opsTimedOut),
                new StoreStatistic("store.writer.queue", "Writes waiting for the writer",
                        StoreStatistic.Kind.GAUGE, metrics::queueDepth));
        return Stream.concat(writerStatistics.stream(), poolStatistics.stream()).toList();
    }

    public GroupCommitMetrics groupCommitMetrics() {
        return writer;
    }

    @Override
    public boolean isHealthy() {
        return health.isHealthy();
    }

    /** Commits the writes already submitted, stops the writer and closes every connection. Idempotent. */
    @Override
    public void close() {
        if (changes != null) {
            changes.close();
        }
        writer.close();
        deletions.close(); // idempotent where it is the writer
        reads.close();
    }

    /** For tests: how many migrations this opening applied. */
    int migrationsApplied() {
        return migrationsApplied;
    }

    /** For tests: the writer, to submit operations that the ports cannot express (such as a failing one). */
    StoreWriter writer() {
        return writer;
    }

    /** Whether the PostgreSQL change listener is listening now (false on SQLite), for tests and monitoring. */
    public boolean isListeningForChanges() {
        return changes != null && changes.isListening();
    }

    /** For tests: the server process of the PostgreSQL change listener's connection. */
    int changeListenerPid() {
        return changes == null ? 0 : changes.backendPid();
    }

    /** For tests: the read pool, to inspect connections and query plans. */
    ReadPool reads() {
        return reads;
    }

    private static void closeQuietly(Connection connection, RuntimeException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
