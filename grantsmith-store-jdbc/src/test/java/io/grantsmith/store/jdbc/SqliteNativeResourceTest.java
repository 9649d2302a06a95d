package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;
import org.sqlite.util.ProcessRunnerSpy;

/** The native library's folder in the driver's jar, found without the driver's `uname -o` probe. */
class SqliteNativeResourceTest {
    @TempDir
    Path directory;

    @Test
    void onThisLinuxTheFolderIsTheDriversOwnAndNoProcessIsSpawned() throws Exception {
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(Files.exists(Path.of("/system"))).as("not an Android").isFalse();
        assumeThat(System.getProperty("os.arch")).doesNotStartWith("arm");

        try (ProcessRunnerSpy spy = ProcessRunnerSpy.install()) {
            assertThat(SqliteNativeResource.ofThisProcess().withoutProbe()).isPresent();
            assertThat(SqliteNativeLibrary.useCacheIn(directory.resolve("cache"), new Properties())).isPresent();
            assertThat(SqliteNativeLibrary.useCacheIn(directory.resolve("cache"), new Properties())).isPresent();
            assertThat(spy.commands()).as("processes the driver's OSInfo was asked to run").isEmpty();
        }
        // the driver's answer, probe included (after the spy, so that it is the real one), and its own musl rule
        assertThat(SqliteNativeResource.ofThisProcess().withoutProbe().orElseThrow()).contains(
                OSInfo.isMusl() ? "/Linux-Musl/" : "/Linux/");
        assertThat(SqliteNativeResource.ofThisProcess().folder()).isEqualTo(LibraryLoaderUtil.getNativeLibResourcePath());
    }

    @Test
    void anySignOfAndroidLeavesTheAnswerToTheDriver() {
        assertThat(resource(linux(), Map.of(), path -> path.equals(Path.of("/system"))).withoutProbe()).isEmpty();
        assertThat(resource(linux(), Map.of("TERMUX_VERSION", "0.118"), path -> false).withoutProbe()).isEmpty();
        assertThat(resource(linux(), Map.of("ANDROID_ROOT", "/system"), path -> false).withoutProbe()).isEmpty();
        Properties runtime = linux();
        runtime.setProperty("java.runtime.name", "Android Runtime");
        assertThat(resource(runtime, Map.of(), path -> false).withoutProbe()).isEmpty();
    }

    @Test
    void otherSystemsAndArmWithoutAnArchitectureGivenLeaveTheAnswerToTheDriver() {
        Properties mac = linux();
        mac.setProperty("os.name", "Mac OS X");
        assertThat(resource(mac, Map.of(), path -> false).withoutProbe()).isEmpty();
        Properties freeBsd = linux();
        freeBsd.setProperty("os.name", "FreeBSD");
        assertThat(resource(freeBsd, Map.of(), path -> false).withoutProbe()).isEmpty();
        Properties arm = linux();
        arm.setProperty("os.arch", "arm"); // the driver asks `uname -m` for armv6/armv7
        assertThat(resource(arm, Map.of(), path -> false).withoutProbe()).isEmpty();
    }

    @Test
    void aPlainLinuxNeedsNoProbe() {
        assertThat(resource(linux(), Map.of("HOME", "/root"), path -> false).withoutProbe()).hasValueSatisfying(
                folder -> assertThat(folder).matches("/org/sqlite/native/Linux(-Musl)?/[a-z0-9_]+"));
    }

    @Test
    void muslIsToldByTheDriversRuleFromOneReadOfTheMaps() {
        Map<Path, String> musl = Map.of(Path.of("/proc/self/maps"),
                "7f0000000000-7f0000001000 r-xp 00000000 08:01 12 /lib/ld-musl-x86_64.so.1\n");
        assertThat(withFiles(musl).withoutProbe()).hasValueSatisfying(folder -> assertThat(folder).contains("/Linux-Musl/"));
        Map<Path, String> alpine = Map.of(Path.of("/proc/self/maps"), "", Path.of("/etc/os-release"),
                "NAME=\"Alpine Linux\"\nID=alpine\nVERSION_ID=3.20.0\n");
        assertThat(withFiles(alpine).withoutProbe()).hasValueSatisfying(folder -> assertThat(folder).contains("/Linux-Musl/"));
        Map<Path, String> debian = Map.of(Path.of("/proc/self/maps"), "", Path.of("/etc/os-release"),
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\n");
        assertThat(withFiles(debian).withoutProbe()).hasValueSatisfying(folder -> assertThat(folder).contains("/Linux/"));
        assertThat(withFiles(Map.of()).withoutProbe()).as("no /proc: the driver decides").isEmpty();
    }

    private static SqliteNativeResource withFiles(Map<Path, String> files) {
        return new SqliteNativeResource(linux(), Map.of(), path -> false,
                file -> Optional.ofNullable(files.get(file)));
    }

    private static SqliteNativeResource resource(Properties properties, Map<String, String> environment,
            java.util.function.Predicate<Path> exists) {
        return new SqliteNativeResource(properties, environment, exists, file -> file.equals(Path.of("/proc/self/maps"))
                ? Optional.of("7f0000000000-7f0000001000 r-xp 00000000 08:01 12 /usr/lib/x86_64-linux-gnu/libc.so.6\n")
                : Optional.empty());
    }

    private static Properties linux() {
        Properties properties = new Properties();
        properties.setProperty("os.name", "Linux");
        properties.setProperty("os.arch", "amd64");
        properties.setProperty("java.runtime.name", "OpenJDK Runtime Environment");
        return properties;
    }
}
