package io.grantsmith.store.jdbc;

/**
 * How the writer opens and ends its group transaction. The driver stays in auto-commit mode and the writer
 * issues these itself, so the state of the transaction is never hidden in the driver (sqlite-jdbc would otherwise
 * open the next transaction right after every commit).
 */
record TransactionSql(String begin, String commit, String rollback) {
    /**
     * {@code BEGIN IMMEDIATE} takes SQLite's write lock at once, waiting out another process (the CLI) through
     * the busy timeout, instead of failing later when a deferred transaction tries to upgrade.
     */
    static TransactionSql sqlite() {
        return new TransactionSql("BEGIN IMMEDIATE", "COMMIT", "ROLLBACK");
    }

    /** PostgreSQL's default READ COMMITTED: every once-only change is one conditional statement (see PooledWriter). */
    static TransactionSql postgres() {
        return new TransactionSql("BEGIN", "COMMIT", "ROLLBACK");
    }
}
