package io.grantsmith.server;

import io.grantsmith.server.cli.GrantsmithCommand;
import io.grantsmith.server.cli.StoreFactory;
import io.grantsmith.server.config.ConfigDefaults;
import java.io.Console;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** {@code java -jar grantsmith.jar <command>}: see {@code grantsmith --help}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), StoreFactories::open));
    }

    /** Runs one command and returns its exit code. */
    public static int run(String[] args, Map<String, String> environment, StoreFactory stores) {
        return run(args, environment, stores, isInteractive());
    }

    /**
     * Runs one command and returns its exit code (tests call this instead of {@link #main}).
     *
     * @param interactive whether a person is at a terminal, to whom a generated admin token may be shown
     */
    public static int run(String[] args, Map<String, String> environment, StoreFactory stores, boolean interactive) {
        CommandLine commandLine;
        try {
            Path configFile = ConfigDefaults.configFile(args, environment);
            ConfigDefaults config = ConfigDefaults.load(environment, configFile);
            commandLine = GrantsmithCommand.commandLine(new GrantsmithCommand(config, stores, interactive), args)
                    .setDefaultValueProvider(config);
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

    /**
     * Whether standard input and output are a terminal, not a pipe, a file, journald or a container's log. Up to
     * Java 21 {@link System#console()} is null unless they are; from Java 22 it may return a console for redirected
     * streams too, and {@code Console.isTerminal()} (looked up reflectively, as the build targets Java 17) tells.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true;
        }
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
