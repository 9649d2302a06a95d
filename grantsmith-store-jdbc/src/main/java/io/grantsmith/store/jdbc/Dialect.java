package io.grantsmith.store.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * What differs between the databases the JDBC store runs on. The statements themselves are not here: they are
 * written once, at class initialisation, in the subset SQLite (3.35+) and PostgreSQL share ({@code ON CONFLICT ...
 * DO NOTHING / DO UPDATE SET x = excluded.x} for upserts, {@code UPDATE ... WHERE <precondition> RETURNING} for
 * conditional updates, {@code CASE} rather than {@code MAX(a, b)} / {@code GREATEST}, flags as integers 0/1, times
 * as bound epoch milliseconds rather than a database time function, blobs bound with {@code setBytes}), so no SQL
 * is ever rewritten at runtime and both databases run exactly the statements the tests ran. One statement exists for
 * PostgreSQL alone, fixed like the others: {@link ArrayInsert}, the rows of many access-token INSERTs at once. What
 * cannot be shared lives here and in the migrations (BLOB against BYTEA, STRICT tables): where each database's
 * migrations are, and how to read its errors.
 */
enum Dialect {
    SQLITE(new MigrationFiles("db/migration/sqlite", "V1__initial_schema.sql",
            "V2__caller_chosen_tokens_per_service.sql", "V5__service_keys.sql", "V6__grant_records.sql",
            "V7__authorization_tickets_and_codes.sql", "V8__user_claims.sql", "V9__consents.sql",
            "V10__grant_consented_claims.sql", "V11__node_leases.sql", "V12__code_and_ticket_keys.sql"), "12") {
        @Override
        boolean isOfTheDatabase(Throwable failure) {
            return DatabaseFailures.isOfTheDatabase(failure);
        }

        @Override
        boolean isRetryable(Throwable failure) {
            return false; // one writer: no other transaction to conflict with
        }

        @Override
        boolean isTimeout(Throwable failure) {
            return false; // the writer's own deadline, not the database, times SQLite's writes out
        }

        @Override
        String boundStatements(Duration bound) {
            return null; // no statement is bounded on SQLite's single writer
        }

        @Override
        boolean batchesStatements() {
            return false; // in-process: no round trip to save
        }

        @Override
        boolean commitsStatementsAlone() {
            return false; // BEGIN IMMEDIATE takes the write lock first; nothing to save in-process either
        }

        @Override
        ArrayInsert arrayInsert(String rowSql) {
            return null;
        }

        @Override
        JavaMigration[] javaMigrations(SecretSealer sealer) {
            return new JavaMigration[] {new ResealClientSecretsMigration(sealer)};
        }
    },

    POSTGRESQL(new MigrationFiles("db/migration/postgres", "V8__schema.sql", "V9__consents.sql",
            "V10__grant_consented_claims.sql", "V11__node_leases.sql", "V12__code_and_ticket_keys.sql"), "12") {
        /**
         * SQLSTATE classes that concern the server or the connection, not the statement: 08 connection exception,
         * 53 insufficient resources (disk full, too many connections), 57 operator intervention (shutdown; but 57014,
         * a cancelled statement, is a timeout), 58 system error, XX internal error.
         */
        @Override
        boolean isOfTheDatabase(Throwable failure) {
            String state = sqlState(failure);
            return state != null && !state.equals(QUERY_CANCELED) && (state.startsWith("08") || state.startsWith("53")
                    || state.startsWith("57") || state.startsWith("58") || state.startsWith("XX"));
        }

        /**
         * A serialization failure or a deadlock: the transaction was rolled back and may simply run again. Many
         * failures carry no SQLSTATE (the pool's "connection is not available" after its timeout): not retryable.
         */
        @Override
        boolean isRetryable(Throwable failure) {
            String state = sqlState(failure);
            return state != null && RETRYABLE.contains(state); // Set.of(...).contains(null) throws
        }

        /** The statement ran into {@code statement_timeout}: the write did not commit within its time. */
        @Override
        boolean isTimeout(Throwable failure) {
            return QUERY_CANCELED.equals(sqlState(failure));
        }

        /** Ends with the transaction; every pooled connection starts with the write timeout (PostgresDatabase). */
        @Override
        String boundStatements(Duration bound) {
            return "SET LOCAL statement_timeout = " + bound.toMillis();
        }

        /** Each statement sent alone is a round trip to the server; a JDBC batch of them is one. */
        @Override
        boolean batchesStatements() {
            return true;
        }

        /**
         * A statement sent outside BEGIN is a transaction of its own, committed (and, with {@code synchronous_commit}
         * on, flushed) before the server answers it: one round trip where BEGIN, the statement and COMMIT are three.
         */
        @Override
        boolean commitsStatementsAlone() {
            return true;
        }

        @Override
        ArrayInsert arrayInsert(String rowSql) {
            return ArrayInsert.of(rowSql);
        }

        /** Its schema starts at V8 (see V8__schema.sql): no format-1 secret to reseal. */
        @Override
        JavaMigration[] javaMigrations(SecretSealer sealer) {
            return new JavaMigration[0];
        }
    };

    private static final String QUERY_CANCELED = "57014";
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final MigrationFiles migrations;
    private final String newestMigration;

    Dialect(MigrationFiles migrations, String newestMigration) {
        this.migrations = migrations;
        this.newestMigration = newestMigration;
    }

    /** This database's SQL migrations (MigrationFilesTest: every file of its directory). */
    MigrationFiles migrations() {
        return migrations;
    }

    /**
     * The version of the newest migration bundled for this database, SQL file or Java migration, as Flyway records
     * it (SchemaVersionTest checks it against Flyway's own list): a schema recorded at it needs no migration
     * ({@link SchemaVersion}).
     */
    String newestMigration() {
        return newestMigration;
    }

    /**
     * Flyway as the store runs it on this database: its SQL migrations, named rather than scanned for (both providers
     * given, Flyway builds no scanner), and the Java migrations, which need something a file cannot hold (the sealing
     * key) and are given as instances, so no class is looked for either.
     */
    FluentConfiguration flyway(DataSource dataSource, SecretSealer sealer) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + migrations.directory()) // where they are; read through the provider
                .resourceProvider(migrations)
                .javaMigrationClassProvider(List::of)
                .javaMigrations(javaMigrations(sealer));
    }

    /** The migrations of this database that are Java classes rather than SQL files. */
    abstract JavaMigration[] javaMigrations(SecretSealer sealer);

    /** Whether {@code failure} is of the database itself (down, full, unreachable) rather than of one write. */
    abstract boolean isOfTheDatabase(Throwable failure);

    /** Whether the failed transaction may be run again as it is. */
    abstract boolean isRetryable(Throwable failure);

    /** Whether the database stopped the statement because it ran out of time. */
    abstract boolean isTimeout(Throwable failure);

    /**
     * The statement that bounds each further statement of the open transaction by {@code bound}, or null where the
     * database bounds none.
     */
    abstract String boundStatements(Duration bound);

    /** Whether the group writer sends a batch's {@link SingleUpdate}s of one SQL text as one JDBC batch. */
    abstract boolean batchesStatements();

    /**
     * Whether a write that is one statement, or a batch that the group writer sends as one statement
     * ({@link #arrayInsert}), runs in auto-commit as a transaction of its own rather than between BEGIN and COMMIT.
     */
    abstract boolean commitsStatementsAlone();

    /**
     * The statement that inserts the rows of many writes of the one-row INSERT {@code rowSql} at once, or null: the
     * group writer then sends them as a JDBC batch (where {@link #batchesStatements}).
     */
    abstract ArrayInsert arrayInsert(String rowSql);

    /** The first SQLSTATE in the chain of causes, or null. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
