package io.grantsmith.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.server.config.ConfigDefaults;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code grantsmith} command: holds what every subcommand shares. Its subcommands are added by
 * {@link #commandLine}, not named in the annotation, so that a run builds picocli's model of the one it runs only.
 */
@Command(name = "grantsmith", mixinStandardHelpOptions = true, versionProvider = GrantsmithCommand.Version.class,
        description = "Self-hosted, Authlete-compatible OAuth 2.0 token engine.")
public final class GrantsmithCommand implements Runnable {
    /** The file, in the data directory, that a generated admin token goes to when no one is at a terminal. */
    static final String ADMIN_TOKEN_FILE = "admin-token";

    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(ServeCommand.class, HealthCheckCommand.class,
            ServiceCommand.class, ClientCommand.class, UserCommand.class, KeysCommand.class, AdminCommand.class,
            CommandLine.HelpCommand.class);

    private final ConfigDefaults config;
    private final StoreFactory storeFactory;
    private final boolean interactive;

    @Spec
    CommandSpec spec;

    /**
     * @param interactive whether a person is at a terminal (standard input and output are one): a generated admin
     *                    token is then shown on standard output; otherwise it goes to a file only its owner can read
     */
    public GrantsmithCommand(ConfigDefaults config, StoreFactory storeFactory, boolean interactive) {
        this.config = config;
        this.storeFactory = storeFactory;
        this.interactive = interactive;
    }

    /** The command line of {@code root} with every subcommand: for the usage, and for tests that look at the model. */
    public static CommandLine commandLine(GrantsmithCommand root) {
        return commandLine(root, new String[0]);
    }

    /**
     * The command line of {@code root} for running {@code args}: when they start with a subcommand's name (e.g.
     * {@code serve ...}), with that subcommand only, as nothing else of the command line can take part in that run
     * (picocli's model of every subcommand, built by reflection, was a quarter of a restart's time); with every
     * subcommand otherwise (no arguments, {@code --help}, {@code help ...}, a misspelt command and its suggestions).
     */
    public static CommandLine commandLine(GrantsmithCommand root, String[] args) {
        CommandLine commandLine = new CommandLine(root);
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(subcommand -> subcommand != CommandLine.HelpCommand.class && names(subcommand).contains(args[0]))
                .findFirst().orElse(null);
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || subcommand == named) {
                commandLine.addSubcommand(subcommand);
            }
        }
        return commandLine;
    }

    /** The name and aliases a subcommand answers to, read from its annotation without building its model. */
    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(Arrays.asList(command.aliases()));
        names.add(command.name());
        return names;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ConfigDefaults config() {
        return config;
    }

    StoreFactory storeFactory() {
        return storeFactory;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** What an offline command does with Grantsmith opened over the data directory. */
    @FunctionalInterface
    interface OfflineAction {
        int run(Grantsmith grantsmith) throws Exception;
    }

    /**
     * Opens Grantsmith over the data directory without background work, shows a generated admin token (the first
     * command on a fresh directory generates it), runs {@code action} and closes; returns the exit code.
     */
    int offline(DataOptions data, OfflineAction action) throws Exception {
        try (Grantsmith grantsmith = Bootstrap.open(this, data, null)) {
            announceAdminToken(grantsmith, data);
            try {
                return action.run(grantsmith);
            } finally {
                // the JOSE provider is selected meanwhile (a server does not wait for it): its log line belongs to
                // this command's output, as when the start waited for it, not to whatever runs after in this JVM
                grantsmith.joseProvider();
            }
        }
    }

    /** An offline command that prints what {@code query} answers, indented; exit code 0. */
    int printOffline(DataOptions data, Function<Grantsmith, JsonNode> query) throws Exception {
        return offline(data, grantsmith -> {
            printJson(query.apply(grantsmith));
            return 0;
        });
    }

    /** Prints JSON for the operator, indented. */
    private void printJson(JsonNode json) {
        try {
            out().println(WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        out().flush();
    }

    /**
     * Hands over the admin token if this start generated it: it is never shown again. It goes to the terminal when
     * a person is at one, otherwise to a file that only this user can read, and never to standard error, which
     * under systemd or in a container is the log stream (journald, container logs) that many people can read.
     */
    void announceAdminToken(Grantsmith grantsmith, DataOptions data) {
        grantsmith.generatedAdminToken().ifPresent(token -> {
            if (interactive) {
                out().println();
                out().println("Generated the admin token. It is shown only now; only its hash is kept.");
                out().println("Use it as 'Authorization: Bearer <token>' on the API (e.g. to create services):");
                out().println();
                out().println("    " + token);
                out().println();
                out().println("Set GRANTSMITH_ADMIN_TOKEN to choose your own, or run 'grantsmith admin reset-token'.");
                out().println();
                out().flush();
                return;
            }
            Path file = data.dataDir.toAbsolutePath().normalize().resolve(ADMIN_TOKEN_FILE);
            try {
                OwnerOnlyFile.write(file, token + "\n");
                err().println("Generated the admin token and wrote it to " + file + " (readable by its owner only); "
                        + "only its hash is kept. Move it somewhere safe and delete the file.");
            } catch (IOException e) {
                err().println("grantsmith: generated the admin token but could not write it to " + file + " ("
                        + e.getMessage() + "); run 'grantsmith admin reset-token' to make a new one.");
            }
            err().flush();
        });
    }

    /** The version from the jar manifest, when running from the packaged jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = GrantsmithCommand.class.getPackage().getImplementationVersion();
            return new String[] {"grantsmith " + (version == null ? "(development build)" : version)};
        }
    }
}
