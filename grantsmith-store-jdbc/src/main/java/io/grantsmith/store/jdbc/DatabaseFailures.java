package io.grantsmith.store.jdbc;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells failures of the database itself (a full disk, an I/O error, a lock held elsewhere beyond the busy timeout,
 * a file that cannot be opened) from failures of one write, when a write's statement fails. The former fail
 * whatever is written, so the writer treats them as it treats a failed BEGIN or COMMIT: the whole batch fails at
 * once, the connection is rebuilt, and the store reports itself not ready until a transaction commits again.
 */
final class DatabaseFailures {
    /** SQLite's primary result codes that concern the database, not the statement (sqlite3.h). */
    private static final Set<Integer> DATABASE_CODES = Set.of(
            5,  // SQLITE_BUSY
            7,  // SQLITE_NOMEM
            8,  // SQLITE_READONLY
            10, // SQLITE_IOERR
            11, // SQLITE_CORRUPT
            13, // SQLITE_FULL
            14, // SQLITE_CANTOPEN
            15, // SQLITE_PROTOCOL
            26); // SQLITE_NOTADB

    private DatabaseFailures() {
    }

    static boolean isOfTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && DATABASE_CODES.contains(sql.getErrorCode() & 0xFF)) {
                return true;
            }
        }
        return false;
    }
}
