package io.grantsmith.server;

import io.grantsmith.server.cli.GrantsmithCommand;
import io.grantsmith.server.cli.StoreFactory;
import io.grantsmith.server.config.ConfigDefaults;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** {@code java -jar grantsmith.jar <command>}: see {@code grantsmith --help}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), SqliteStoreFactory::open));
    }

    /** Runs one command and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String[] args, Map<String, String> environment, StoreFactory stores) {
        CommandLine commandLine;
        try {
            Path configFile = ConfigDefaults.configFile(args, environment);
            ConfigDefaults config = ConfigDefaults.load(environment, configFile);
            commandLine = new CommandLine(new GrantsmithCommand(config, stores)).setDefaultValueProvider(config);
        } catch (Exception e) {
            System.err.println("grantsmith: cannot read the configuration: " + e.getMessage());
            return 2;
        }
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println("grantsmith: " + describe(exception));
            return 1;
        });
        return commandLine.execute(args);
    }

    /** A one-line explanation for the operator; API-level failures carry their result message. */
    private static String describe(Exception exception) {
        if (exception instanceof io.grantsmith.facade.access.ApiFailure failure) {
            return failure.resultMessage("grantsmith");
        }
        String message = exception.getMessage();
        return message == null ? exception.getClass().getSimpleName() : message;
    }
}
