package io.grantsmith.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code grantsmith serve} in a JVM of its own, on the test classpath, so that tests can kill it outright. The
 * port is read from what the server prints on stderr, and a generated admin token from the file that stderr names.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Grantsmith listening on http://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern TOKEN_FILE = Pattern.compile("Generated the admin token and wrote it to (\\S+) \\(");
    /**
     * How long a child JVM may take to start listening or to die: generous, since a start took 47 s on a loaded
     * CI-like machine; a healthy start takes a second or two and never waits it out.
     */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final StringBuffer log = new StringBuffer();
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private volatile String generatedToken;

    private ServerProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readStderr, "grantsmith-child-stderr");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code serve --port 0 --data dataDir} and waits until it listens. */
    public static ServerProcess start(Path dataDir) throws IOException {
        return start(dataDir, Map.of());
    }

    /** As {@link #start(Path)}, with these {@code GRANTSMITH_*} variables in its environment. */
    public static ServerProcess start(Path dataDir, Map<String, String> environment) throws IOException {
        return start(dataDir, environment, List.of());
    }

    /**
     * As {@link #start(Path, Map)}, with {@code serveOptions} after the others on the command line. The child gets a
     * small heap and the C1 compiler only: several of them share CI's two cores with the tests.
     */
    public static ServerProcess start(Path dataDir, Map<String, String> environment, List<String> serveOptions)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath(), Main.class.getName(),
                "serve", "--host", "127.0.0.1", "--port", "0", "--data", dataDir.toString()));
        command.addAll(serveOptions);
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().keySet().removeIf(name -> name.startsWith("GRANTSMITH_"));
        builder.environment().putAll(environment);
        ServerProcess server = new ServerProcess(builder.start());
        server.awaitPort();
        return server;
    }

    private static String classpath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private void awaitPort() {
        try {
            port.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("the server did not start; it printed:\n" + log, e);
        }
    }

    private void readStderr() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                log.append(line).append('\n');
                Matcher tokenFile = TOKEN_FILE.matcher(line);
                if (tokenFile.find()) {
                    generatedToken = Files.readString(Path.of(tokenFile.group(1))).strip();
                }
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException e) {
            // the process is gone
        } finally {
            port.completeExceptionally(new IllegalStateException("the server exited"));
        }
    }

    public HttpTarget http() {
        return new HttpTarget(baseUrl());
    }

    /** {@code http://127.0.0.1:<the port it listens on>}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port.join();
    }

    /** The admin token this start generated and printed, if it did. */
    public Optional<String> generatedAdminToken() {
        return Optional.ofNullable(generatedToken);
    }

    /** What the server printed on stderr so far (for failure messages). */
    public String log() {
        return log.toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child JVM's process id, to read its thread count from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed on the way out. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server process to die", e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
