package io.grantsmith.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.server.config.ConfigDefaults;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code grantsmith} command: holds what every subcommand shares. */
@Command(name = "grantsmith", mixinStandardHelpOptions = true, versionProvider = GrantsmithCommand.Version.class,
        description = "Self-hosted, Authlete-compatible OAuth 2.0 token engine.",
        subcommands = {ServeCommand.class, ServiceCommand.class, ClientCommand.class, UserCommand.class,
                KeysCommand.class, AdminCommand.class, CommandLine.HelpCommand.class})
public final class GrantsmithCommand implements Runnable {
    private final ConfigDefaults config;
    private final StoreFactory storeFactory;

    @Spec
    CommandSpec spec;

    public GrantsmithCommand(ConfigDefaults config, StoreFactory storeFactory) {
        this.config = config;
        this.storeFactory = storeFactory;
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
            announceAdminToken(grantsmith);
            return action.run(grantsmith);
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

    /** Shows the admin token if this start generated it: it is never shown again. */
    void announceAdminToken(Grantsmith grantsmith) {
        grantsmith.generatedAdminToken().ifPresent(token -> {
            err().println();
            err().println("Generated the admin token. It is shown only now; only its hash is kept.");
            err().println("Use it as 'Authorization: Bearer <token>' on the API (e.g. to create services):");
            err().println();
            err().println("    " + token);
            err().println();
            err().println("Set GRANTSMITH_ADMIN_TOKEN to choose your own, or run 'grantsmith admin reset-token'.");
            err().println();
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
