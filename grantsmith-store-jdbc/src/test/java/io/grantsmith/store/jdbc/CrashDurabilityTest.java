package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.testkit.Records;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: a process killed with SIGKILL in the middle of writing loses no write whose call
 * had returned. (Power loss is covered by synchronous=FULL, which {@link SchemaTest} checks; a test cannot
 * pull the plug.)
 */
class CrashDurabilityTest {
    private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 300;
    /** {@code <key>:<hash>}: a decimal row key and base64url of 32 bytes, without padding. */
    private static final String KEYED_HASH = "[0-9]+:[A-Za-z0-9_-]{43}";
    /** Bounds each wait for the child JVM: generous, since one took 47 s to start on a loaded CI-like machine. */
    private static final long WAIT_SECONDS = 90;

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // three waits of at most 90 s, and the checks
    void whenTheWritingProcessIsKilledThenEveryAcknowledgedWriteIsInTheDatabase() throws Exception {
        Path file = directory.resolve("crash.db");
        Path childErrors = directory.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), file.toString(), "8")
                .redirectError(childErrors.toFile())
                .start();
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> readLines(child, acknowledged));
        reader.start();

        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL && child.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("child still writing; its stderr: %s", errors(childErrors)).isTrue();
            assertThat(acknowledged).as("acknowledgements; child stderr: %s", errors(childErrors))
                    .hasSizeGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close(), writes in flight
        }
        assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));

        List<String> lines = new ArrayList<>(acknowledged);
        try (JdbcStores stores = TestStores.open(file)) {
            for (String line : lines) {
                String[] fields = line.split(" ");
                assertThat(stores.tokens().findAccessToken(Records.SERVICE, lookup(fields[1]))).as("access token of %s", line)
                        .isPresent();
                if (fields[0].equals("g")) {
                    assertThat(stores.tokens().findRefreshToken(lookup(fields[2]))).as("refresh token of %s", line)
                            .isPresent();
                }
            }
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGEMENTS_BEFORE_KILL);
    }

    /** Keeps complete lines only: the kill may cut the last one short. */
    private static void readLines(Process child, List<String> into) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.matches("a " + KEYED_HASH) || line.matches("g " + KEYED_HASH + " " + KEYED_HASH)) {
                    into.add(line);
                }
            }
        } catch (java.io.IOException e) {
            // the pipe closes when the child dies
        }
    }

    /** {@code <key>:<hash in base64url>}, as the child prints it. */
    private static TokenLookup lookup(String keyAndHash) {
        String[] parts = keyAndHash.split(":");
        return new TokenLookup(Long.parseLong(parts[0]), TokenHash.of(Base64.getUrlDecoder().decode(parts[1])));
    }

    private static String errors(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
