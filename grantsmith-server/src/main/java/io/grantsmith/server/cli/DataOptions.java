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
}
