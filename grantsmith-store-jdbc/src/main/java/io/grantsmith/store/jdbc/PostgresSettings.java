package io.grantsmith.store.jdbc;

import java.time.Duration;
import java.util.Objects;

/**
 * How to open the PostgreSQL store. Start from {@link #defaults(String, SealingKey)} and change what needs changing.
 * Several nodes opened on one database share it: every once-only change is one conditional statement, so they need
 * no coordination of their own for it.
 *
 * @param url          a JDBC URL, {@code jdbc:postgresql://host:port/database?user=...&password=...}; any parameter
 *                     of the PostgreSQL JDBC driver may be added (for example {@code currentSchema}, {@code ssl})
 * @param password     the password, or null when the URL carries it or none is needed (kept out of the URL, so
 *                     that it need not be on a command line)
 * @param sealingKey   the key that seals client secrets and private keys at rest; every node of one database
 *                     needs the same one
 * @param poolSize     connections this node keeps to the database, shared by reads and writes (default
 *                     {@value #DEFAULT_POOL_SIZE}); each write holds one for its transaction only
 * @param writeTimeout how long a write may take, waiting for a connection and for each statement (default 5 s):
 *                     then its caller gets a {@link io.grantsmith.core.spi.StoreException}
 * @param writer       how writes reach the database (default {@link #DEFAULT_WRITER}): see {@link Writer}
 * @param groupWriters with {@link Writer#GROUP}, how many writer threads (each on a connection of the pool) take
 *                     the node's writes (default {@value #DEFAULT_GROUP_WRITERS}): while one waits for the database,
 *                     another sends its batch
 */
public record PostgresSettings(String url, String password, SealingKey sealingKey, int poolSize,
        Duration writeTimeout, Writer writer, int groupWriters) {
    public static final int DEFAULT_POOL_SIZE = 16;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    /**
     * Group writers against the pooled writer on the 2-core machine of docs/BENCHMARKS.md (§ PostgreSQL, quiet
     * sittings of 2026-12-04): 2.05–3.23 × the tokens/s per round, with less than half the node CPU and about a third
     * of the PostgreSQL CPU per token.
     */
    public static final Writer DEFAULT_WRITER = Writer.GROUP;
    /** Most writes in one group transaction, and writes that may wait for the group writer (as on SQLite). */
    static final int GROUP_MAX_BATCH = SqliteSettings.DEFAULT_MAX_BATCH;
    static final int GROUP_QUEUE_CAPACITY = SqliteSettings.DEFAULT_QUEUE_CAPACITY;
    /**
     * Two: while one writer waits for PostgreSQL's commit, the other sends its batch; more writers make smaller
     * batches, and each transaction costs PostgreSQL CPU. Two against four in the same rounds (docs/BENCHMARKS.md,
     * § PostgreSQL, 2026-12-05): 1.25–1.54 × the tokens/s, 42 against 70 µs of PostgreSQL CPU per token.
     */
    public static final int DEFAULT_GROUP_WRITERS = 2;
    public static final int MAX_GROUP_WRITERS = 16;

    /** How one node's writes reach PostgreSQL. */
    public enum Writer {
        /**
         * One writer thread on one pooled connection puts the writes waiting at that moment in one transaction:
         * one commit (and one WAL flush) for many requests.
         */
        GROUP,
        /** Each write is a transaction of its own on its caller's pooled connection. */
        POOLED
    }
    private static final String PREFIX = "jdbc:postgresql:";
    private static final String SERVER_ERROR_DETAIL = "logServerErrorDetail";

    public PostgresSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sealingKey, "sealingKey");
        Objects.requireNonNull(writeTimeout, "writeTimeout");
        Objects.requireNonNull(writer, "writer");
        if (!url.startsWith(PREFIX)) {
            throw new IllegalArgumentException("the database URL must start with " + PREFIX
                    + " (jdbc:postgresql://host:port/database?user=...)");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1");
        }
        if (writeTimeout.toMillis() < 1 || writeTimeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("writeTimeout must be at least 1 ms and at most a day");
        }
        if (groupWriters < 1 || groupWriters > MAX_GROUP_WRITERS) {
            throw new IllegalArgumentException("groupWriters must be 1 to " + MAX_GROUP_WRITERS);
        }
    }

    /** The defaults listed above for this database and key. */
    public static PostgresSettings defaults(String url, SealingKey sealingKey) {
        return new PostgresSettings(url, null, sealingKey, DEFAULT_POOL_SIZE, DEFAULT_WRITE_TIMEOUT, DEFAULT_WRITER,
                DEFAULT_GROUP_WRITERS);
    }

    /** With this password (null for none beyond what the URL says). */
    public PostgresSettings withPassword(String value) {
        return new PostgresSettings(url, value, sealingKey, poolSize, writeTimeout, writer, groupWriters);
    }

    public PostgresSettings withPoolSize(int value) {
        return new PostgresSettings(url, password, sealingKey, value, writeTimeout, writer, groupWriters);
    }

    public PostgresSettings withWriteTimeout(Duration value) {
        return new PostgresSettings(url, password, sealingKey, poolSize, value, writer, groupWriters);
    }

    public PostgresSettings withWriter(Writer value) {
        return new PostgresSettings(url, password, sealingKey, poolSize, writeTimeout, value, groupWriters);
    }

    public PostgresSettings withGroupWriters(int value) {
        return new PostgresSettings(url, password, sealingKey, poolSize, writeTimeout, writer, value);
    }

    /**
     * The URL the driver gets: {@link #url()} with {@code logServerErrorDetail=false} added unless the URL sets that
     * parameter itself. Otherwise pgjdbc copies the server's DETAIL (a conflicting row's values, a token's hash or a
     * sealed secret among them) into its exception messages, and the store logs those.
     */
    public String connectionUrl() {
        if (urlSets(SERVER_ERROR_DETAIL)) {
            return url;
        }
        String separator = url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&";
        return url + separator + SERVER_ERROR_DETAIL + "=false";
    }

    /**
     * Refuses settings that cannot work: the group writers each hold a pooled connection for as long as they run, so
     * with a pool of one the reads (and owner deletions) would never get a connection. Checked when the store opens,
     * not in the constructor, so that {@code withPoolSize(1).withWriter(POOLED)} may be chained in either order.
     *
     * @throws IllegalArgumentException naming the way out
     */
    void requireWorkable() {
        if (writer == Writer.GROUP && poolSize < 2) {
            throw new IllegalArgumentException("a pool of " + poolSize + " connection cannot serve the group writer: "
                    + "its writer threads hold connections of their own beside the reads; use a pool of at least 2, "
                    + "or the pooled writer");
        }
    }

    /**
     * How many group writer threads run: {@link #groupWriters()}, but at most {@code poolSize - 1}, so that at least
     * one connection of the pool stays for the reads.
     */
    public int effectiveGroupWriters() {
        return Math.min(groupWriters, Math.max(1, poolSize - 1));
    }

    /** Whether the URL's query sets the driver parameter {@code name} (the driver's names are case-sensitive). */
    boolean urlSets(String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return false;
        }
        for (String parameter : url.substring(query + 1).split("&")) {
            if (parameter.startsWith(name + "=")) {
                return true;
            }
        }
        return false;
    }

    /** The URL without its parameters, which may hold a password: for logs and errors. */
    public String redactedUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    @Override
    public String toString() {
        return "PostgresSettings[url=" + redactedUrl() + ", password=" + (password == null ? "none" : "(set)")
                + ", poolSize=" + poolSize + ", writeTimeout=" + writeTimeout + ", writer=" + writer
                + ", groupWriters=" + groupWriters + "]";
    }
}
