package io.grantsmith.store.jdbc;

import io.grantsmith.testkit.TestPostgres;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresCodesInFlightAcrossV12Test extends CodesInFlightAcrossV12Behaviour {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresCodesInFlightAcrossV12Test.class);

    @BeforeEach
    void emptySchema() {
        TestPostgres.execute(SCHEMA.url(), "DROP SCHEMA IF EXISTS " + SCHEMA.name() + " CASCADE");
        TestPostgres.execute(SCHEMA.url(), "CREATE SCHEMA " + SCHEMA.name());
    }

    @Override
    DataSource dataSource() {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(SCHEMA.url());
        return source;
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    JdbcStores openStores() {
        return JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA));
    }
}
