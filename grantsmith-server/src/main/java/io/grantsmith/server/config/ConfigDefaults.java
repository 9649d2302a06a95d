package io.grantsmith.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * Where option values come from when the command line does not give them: first the environment
 * ({@code --purge-interval} ← {@code GRANTSMITH_PURGE_INTERVAL}), then the configuration file (a properties
 * file: {@code purge-interval=60}), then the option's built-in default. Settings that are secrets
 * ({@code admin-token}, {@code master-key}) have no command-line option at all, so they never show in
 * process listings; {@link #setting(String)} reads them from the same two sources.
 */
public final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
    private final Map<String, String> environment;
    private final Properties file;

    private ConfigDefaults(Map<String, String> environment, Properties file) {
        this.environment = environment;
        this.file = file;
    }

    /**
     * @param configFile the file named by {@code --config} or {@code GRANTSMITH_CONFIG}, or null
     */
    public static ConfigDefaults load(Map<String, String> environment, Path configFile) throws IOException {
        Properties properties = new Properties();
        if (configFile != null) {
            try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return new ConfigDefaults(environment, properties);
    }

    /** The configuration file named on the command line or in the environment, or null. */
    public static Path configFile(String[] args, Map<String, String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        String fromEnvironment = environment.get("GRANTSMITH_CONFIG");
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : Path.of(fromEnvironment);
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (!(argument instanceof CommandLine.Model.OptionSpec option) || !option.longestName().startsWith("--")) {
            return null;
        }
        String key = option.longestName().substring(2);
        return key.equals("config") ? null : setting(key);
    }

    /** The value of setting {@code key} (e.g. {@code admin-token}) from the environment or the file, or null. */
    public String setting(String key) {
        String fromEnvironment = environment.get("GRANTSMITH_" + key.toUpperCase(Locale.ROOT).replace('-', '_'));
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        String fromFile = file.getProperty(key);
        return fromFile == null || fromFile.isEmpty() ? null : fromFile.trim();
    }
}
