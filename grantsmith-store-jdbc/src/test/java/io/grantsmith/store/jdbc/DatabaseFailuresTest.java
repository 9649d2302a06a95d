package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.spi.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Failures of the database are recognised by SQLite's primary result code, so that the extended codes SQLite reports
 * for the same fault (a kernel remount read-only after an I/O error shows as an {@code SQLITE_IOERR_*} code) take the
 * same path as the primary code the fault tests inject.
 */
class DatabaseFailuresTest {
    @Test
    void whenTheCodeIsAnExtendedIoErrorOrReadOnlyCodeThenItIsAFailureOfTheDatabase() {
        assertThat(DatabaseFailures.isOfTheDatabase(wrapped(10 | (3 << 8)))).as("SQLITE_IOERR_WRITE").isTrue();
        assertThat(DatabaseFailures.isOfTheDatabase(wrapped(10 | (4 << 8)))).as("SQLITE_IOERR_FSYNC").isTrue();
        assertThat(DatabaseFailures.isOfTheDatabase(wrapped(8 | (4 << 8)))).as("SQLITE_READONLY_DBMOVED").isTrue();
        assertThat(DatabaseFailures.isOfTheDatabase(wrapped(14))).as("SQLITE_CANTOPEN").isTrue();
    }

    @Test
    void whenTheStatementItselfFailedThenItIsNotAFailureOfTheDatabase() {
        assertThat(DatabaseFailures.isOfTheDatabase(wrapped(19))).as("SQLITE_CONSTRAINT").isFalse();
        assertThat(DatabaseFailures.isOfTheDatabase(wrapped(19 | (8 << 8)))).as("SQLITE_CONSTRAINT_UNIQUE").isFalse();
        assertThat(DatabaseFailures.isOfTheDatabase(new StoreException("no SQL cause"))).isFalse();
    }

    /** As the writer sees it: the driver's exception under the store's. */
    private static Throwable wrapped(int code) {
        return new StoreException("write failed", new SQLException("fault", null, code));
    }
}
