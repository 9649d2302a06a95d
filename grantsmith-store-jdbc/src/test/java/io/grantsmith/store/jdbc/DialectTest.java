package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DialectTest {
    /**
     * HikariCP's "connection is not available, request timed out" carries no SQLSTATE when no connection attempt
     * failed yet (a database that stopped answering without closing anything): classifying it must not throw.
     */
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void whenAFailureCarriesNoSqlStateThenItIsClassifiedWithoutThrowing(Dialect dialect) {
        SQLException noState = new SQLTransientConnectionException("grantsmith-postgres - Connection is not "
                + "available, request timed out after 2000ms (total=0, active=0, idle=0, waiting=5)");

        assertThat(dialect.isRetryable(noState)).isFalse();
        assertThat(dialect.isTimeout(noState)).isFalse();
        assertThat(dialect.isOfTheDatabase(noState)).isFalse();
        assertThat(dialect.isRetryable(new IllegalStateException("not SQL at all"))).isFalse();
    }

    @Test
    void whenPostgresReportsASerializationFailureOrADeadlockThenTheTransactionRunsAgain() {
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("could not serialize", "40001"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Dialect.POSTGRESQL.isRetryable(new SQLException("unique violation", "23505"))).isFalse();
    }
}
