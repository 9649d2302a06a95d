package io.grantsmith.server.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.server.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js OAuth client scripts in the top-level {@code interop/} folder: finds the folder, checks that Node.js
 * and npm are there, installs the pinned libraries ({@code npm ci}) when {@code node_modules} lacks them, and runs a
 * script, returning the one JSON line it prints.
 */
final class NodeClients {
    private static final int MINIMUM_NODE_MAJOR = 20;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(15);
    /** Settings passed in the environment rather than on the command line, out of process listings. */
    private static final Set<String> SECRET_SETTINGS = Set.of("client-secret", "api-secret", "password");
    private static final String WHAT_TO_INSTALL = "NodeClientInteropTest runs the Node.js OAuth clients in interop/ "
            + "and needs Node.js " + MINIMUM_NODE_MAJOR + " or newer with npm on the PATH (npm installs the pinned "
            + "libraries from the npm registry on the first run). Install them, e.g. with your distribution's "
            + "nodejs and npm packages if they are " + MINIMUM_NODE_MAJOR + "+, then run the build again.";

    private final Path directory;

    private NodeClients(Path directory) {
        this.directory = directory;
    }

    /** Checks Node.js, installs the libraries if needed; fails (never skips) with what to install. */
    static NodeClients prepare() {
        Path directory = interopDirectory();
        String nodeVersion = probe("node", List.of("node", "--version"), directory);
        if (majorVersion(nodeVersion) < MINIMUM_NODE_MAJOR) {
            throw new AssertionError("found Node.js " + nodeVersion + ". " + WHAT_TO_INSTALL);
        }
        NodeClients clients = new NodeClients(directory);
        if (!clients.missingLibraries().isEmpty()) {
            clients.install();
            List<String> stillMissing = clients.missingLibraries();
            if (!stillMissing.isEmpty()) {
                throw new AssertionError("after npm ci, interop/node_modules still lacks " + stillMissing);
            }
        }
        return clients;
    }

    /** The exact versions package.json pins, e.g. {@code oauth4webapi -> 3.8.8}. */
    private Map<String, String> pinnedLibraries() {
        Map<String, String> pinned = new LinkedHashMap<>();
        readJson(directory.resolve("package.json")).get("dependencies").properties()
                .forEach(entry -> pinned.put(entry.getKey(), entry.getValue().asText()));
        return pinned;
    }

    /** The version installed in node_modules, or null. */
    private String installedVersion(String library) {
        Path manifest = directory.resolve("node_modules").resolve(library).resolve("package.json");
        return Files.isRegularFile(manifest) ? readJson(manifest).path("version").asText(null) : null;
    }

    private List<String> missingLibraries() {
        List<String> missing = new ArrayList<>();
        pinnedLibraries().forEach((library, version) -> {
            if (!version.equals(installedVersion(library))) {
                missing.add(library + "@" + version);
            }
        });
        return missing;
    }

    private void install() {
        probe("npm", List.of(npm(), "--version"), directory);
        Output output = run(directory, List.of(npm(), "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
        if (output.exitCode() != 0) {
            throw new AssertionError("npm ci in " + directory + " failed (it needs to reach the npm registry once):\n"
                    + output);
        }
    }

    /**
     * Runs {@code node <script>} with these settings ({@code client-id} becomes {@code --client-id}; secrets go in
     * {@code INTEROP_CLIENT_SECRET}/{@code INTEROP_PASSWORD}) and returns the JSON line it printed.
     */
    JsonNode run(String script, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of("node", script));
        Map<String, String> environment = new LinkedHashMap<>();
        settings.forEach((name, value) -> {
            if (SECRET_SETTINGS.contains(name)) {
                environment.put("INTEROP_" + name.toUpperCase(Locale.ROOT).replace('-', '_'), value);
            } else {
                command.add("--" + name);
                command.add(value);
            }
        });
        Output output = run(directory, command, environment, SCRIPT_TIMEOUT);
        if (output.exitCode() != 0) {
            throw new AssertionError(script + " failed:\n" + output);
        }
        String[] lines = output.stdout().strip().split("\n");
        return Json.parse(lines[lines.length - 1]);
    }

    private record Output(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit code " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    /** Runs a command in {@code directory}; its output goes to temporary files, so no pipe can fill up. */
    private static Output run(Path directory, List<String> command, Map<String, String> environment,
            Duration timeout) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("interop-", ".out");
            stderr = Files.createTempFile("interop-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
            builder.environment().keySet().removeIf(name -> name.startsWith("INTEROP_"));
            builder.environment().putAll(environment);
            Process process = start(builder);
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
            Output output = new Output(finished ? process.exitValue() : -1,
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            if (!finished) {
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + builder.command().get(0) + ": " + e.getMessage() + ". "
                    + WHAT_TO_INSTALL, e);
        }
    }

    /** Runs {@code --version}; a missing program or a failure ends the test run with what to install. */
    private static String probe(String program, List<String> command, Path directory) {
        Output output = run(directory, command, Map.of(), PROBE_TIMEOUT);
        if (output.exitCode() != 0) {
            throw new AssertionError(program + " --version failed (" + output + "). " + WHAT_TO_INSTALL);
        }
        return output.stdout().strip();
    }

    /** 20 for {@code v20.20.2}; 0 when unreadable. */
    private static int majorVersion(String version) {
        String digits = version.startsWith("v") ? version.substring(1) : version;
        int dot = digits.indexOf('.');
        try {
            return Integer.parseInt(dot < 0 ? digits : digits.substring(0, dot));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String npm() {
        return System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "npm.cmd" : "npm";
    }

    /** The {@code interop/} folder of the checkout: tests run in the module's folder, so look upwards. */
    private static Path interopDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("interop").resolve("package.json"))) {
                return dir.resolve("interop");
            }
        }
        throw new AssertionError("no interop/package.json above " + Path.of("").toAbsolutePath());
    }

    private static JsonNode readJson(Path file) {
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
