package io.grantsmith.server.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command shares: where the data lives and which configuration file to read. */
public final class DataOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "./data",
            description = "Data directory: the SQLite database and the master key (default: ${DEFAULT-VALUE}; "
                    + "env GRANTSMITH_DATA).")
    Path dataDir;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file with defaults for any option (key = option name without '--'), "
                    + "plus admin-token and master-key (env GRANTSMITH_CONFIG).")
    Path configFile;

    @Option(names = "--store", paramLabel = "sqlite|postgres",
            description = "The database: sqlite (in the data directory, the default) or postgres (at --db-url, "
                    + "shared by several nodes) (env GRANTSMITH_STORE).")
    String store;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "The PostgreSQL JDBC URL for --store postgres, e.g. "
                    + "jdbc:postgresql://127.0.0.1:5432/grantsmith?user=grantsmith; give the password as the "
                    + "db-password setting rather than here (env GRANTSMITH_DB_URL).")
    String dbUrl;
}
