package io.grantsmith.store.jdbc;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

class SqliteCodesInFlightAcrossV12Test extends CodesInFlightAcrossV12Behaviour {
    @TempDir
    Path directory;

    @Override
    DataSource dataSource() {
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + directory.resolve("grantsmith.db"));
        return source;
    }

    @Override
    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    JdbcStores openStores() {
        return TestStores.open(directory.resolve("grantsmith.db"));
    }
}
