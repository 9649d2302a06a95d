package io.grantsmith.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/grantsmith rebuilds the jar when a pom or a module's src/main changed since it was built, and only then: run on a
 * checkout of stand-ins (a few modules, a jar, a Maven and a java that only record being called).
 */
class LauncherStaleJarTest {
    private static final Path LAUNCHER = Path.of("..").toAbsolutePath().normalize().resolve("bin/grantsmith");
    private static final Instant BUILT = Instant.now().minus(Duration.ofDays(1));

    @TempDir
    Path directory;
    private Path root;
    private Path stubs;

    @BeforeEach
    void checkout() throws IOException {
        root = directory.resolve("checkout");
        for (String file : List.of("pom.xml", "grantsmith-api/pom.xml", "grantsmith-api/src/main/java/Api.java",
                "grantsmith-api/src/main/resources/messages.properties", "grantsmith-api/src/test/java/ApiTest.java",
                "grantsmith-api/target/classes/Api.class", "grantsmith-server/pom.xml",
                "grantsmith-server/src/main/java/Server.java", "grantsmith-server/target/grantsmith.jar",
                "interop/package.json", "interop/node_modules/client/src/main/index.js",
                "interop/node_modules/client/pom.xml", "data/grantsmith.db", "bench/run.sh")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), file);
        }
        Files.createDirectories(root.resolve("bin"));
        Files.copy(LAUNCHER, root.resolve("bin/grantsmith"));
        stubs = Files.createDirectories(directory.resolve("stubs"));
        stub("mvn", "echo built >> \"" + directory.resolve("builds") + "\"; touch grantsmith-server/target/grantsmith.jar");
        stub("java", "exit 0");
        try (var files = Files.walk(root)) { // everything as of the last build, the jar a minute after it
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(BUILT));
            }
        }
        Files.setLastModifiedTime(jar(), FileTime.from(BUILT.plusSeconds(60)));
    }

    @Test
    void aJarNewerThanItsSourcesIsUsedAsItIs() throws Exception {
        assertThat(launchBuilds()).isFalse();
    }

    @Test
    void whatTheJarIsNotBuiltFromDoesNotRebuildIt() throws Exception {
        for (String file : List.of("grantsmith-api/src/test/java/ApiTest.java", "grantsmith-api/target/classes/Api.class",
                "interop/package.json", "interop/node_modules/client/src/main/index.js",
                "interop/node_modules/client/pom.xml", "data/grantsmith.db", "bench/run.sh")) {
            changed(file);
        }
        Files.writeString(root.resolve("data/grantsmith.db-wal"), "new");

        assertThat(launchBuilds()).isFalse();
    }

    @Test
    void aChangedSourceUnderSrcMainRebuildsIt() throws Exception {
        changed("grantsmith-api/src/main/resources/messages.properties");

        assertThat(launchBuilds()).isTrue();
        assertThat(launchBuilds()).as("built once, then current").isFalse();
    }

    @Test
    void aNewOrADeletedSourceRebuildsIt() throws Exception {
        Files.writeString(root.resolve("grantsmith-server/src/main/java/Added.java"), "new");
        assertThat(launchBuilds()).isTrue();

        for (String built : List.of("grantsmith-server/src/main/java/Added.java", "grantsmith-server/src/main/java")) {
            Files.setLastModifiedTime(root.resolve(built), FileTime.from(BUILT)); // as if the jar had been built then
        }
        Files.setLastModifiedTime(jar(), FileTime.from(BUILT.plusSeconds(60)));
        assertThat(launchBuilds()).isFalse();

        Files.delete(root.resolve("grantsmith-server/src/main/java/Server.java")); // its directory's time is now
        assertThat(launchBuilds()).isTrue();
    }

    @Test
    void aChangedPomRebuildsIt() throws Exception {
        changed("grantsmith-api/pom.xml");
        assertThat(launchBuilds()).isTrue();

        Files.setLastModifiedTime(jar(), FileTime.from(BUILT.plusSeconds(3600)));
        changed("pom.xml");
        assertThat(launchBuilds()).isTrue();
    }

    @Test
    void aMissingJarIsBuilt() throws Exception {
        Files.delete(jar());

        assertThat(launchBuilds()).isTrue();
    }

    private Path jar() {
        return root.resolve("grantsmith-server/target/grantsmith.jar");
    }

    /** Marks {@code file} as changed after the jar was built (an hour later, a time of its own). */
    private void changed(String file) throws IOException {
        Files.setLastModifiedTime(root.resolve(file), FileTime.from(Files.getLastModifiedTime(jar()).toInstant()
                .plusSeconds(3600)));
    }

    /** Runs {@code bin/grantsmith --version} and says whether it called Maven. */
    private boolean launchBuilds() throws Exception {
        Path builds = directory.resolve("builds");
        Files.deleteIfExists(builds);
        ProcessBuilder launch = new ProcessBuilder("bash", root.resolve("bin/grantsmith").toString(), "--version")
                .redirectErrorStream(true).redirectOutput(directory.resolve("launch.out").toFile());
        launch.environment().put("PATH", stubs + ":" + System.getenv("PATH"));
        Process process = launch.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(directory.resolve("launch.out"))).isZero();
        return Files.exists(builds);
    }

    private void stub(String name, String body) throws IOException {
        Path stub = stubs.resolve(name);
        Files.writeString(stub, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
