package io.grantsmith.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.Predicate;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;
import org.sqlite.util.OSInfo;

/**
 * Where in sqlite-jdbc's jar the native library for this platform lies, found without the driver's process probe.
 * The driver's own answer ({@link LibraryLoaderUtil#getNativeLibResourcePath()}) asks {@code OSInfo.isAndroid()} on
 * every Linux, which runs {@code uname -o} (Termux reports "Android" there): a process spawned on every start, 10–12 ms
 * in a fresh JVM on a quiet machine (16–52 ms on a busy one), and then {@code OSInfo.isMusl()}, which resolves every
 * link of {@code /proc/self/map_files}, another 10–12 ms (docs/BENCHMARKS.md). On a Linux that is plainly not Android the answer is known without either:
 * {@code Linux}, or {@code Linux-Musl} by the driver's own rule (a file mapped into the process whose path names musl,
 * or else an Alpine {@code /etc/os-release}) read from one {@code /proc/self/maps} (~1 ms); then the architecture
 * ({@link OSInfo#getArchName()}, which spawns only for {@code arm*}, where it asks {@code uname -m}). Everywhere else,
 * and wherever a sign of Android is seen, this steps aside for the driver's answer, probe included: the aim is the
 * folder the driver would pick, found cheaper where that is certain. A wrong guess would still not break a start: a
 * library that does not load makes the driver fall back to its own search.
 */
final class SqliteNativeResource {
    private final Properties properties;
    private final Map<String, String> environment;
    private final Predicate<Path> exists;
    private final Function<Path, Optional<String>> read;

    /** {@code read} gives a file's text, or empty where it is missing or unreadable. */
    SqliteNativeResource(Properties properties, Map<String, String> environment, Predicate<Path> exists,
            Function<Path, Optional<String>> read) {
        this.properties = properties;
        this.environment = environment;
        this.exists = exists;
        this.read = read;
    }

    /** For this process: its system properties, environment and file system. */
    static SqliteNativeResource ofThisProcess() {
        return new SqliteNativeResource(System.getProperties(), System.getenv(), Files::exists,
                SqliteNativeResource::readIfPossible);
    }

    /** The jar folder of the library, e.g. {@code /org/sqlite/native/Linux/x86_64}. */
    String folder() {
        return withoutProbe().orElseGet(LibraryLoaderUtil::getNativeLibResourcePath);
    }

    /** The folder, where it is certain without spawning a process; empty where only the driver's probe can tell. */
    Optional<String> withoutProbe() {
        String arch = properties.getProperty("os.arch", "");
        if (!"Linux".equals(properties.getProperty("os.name"))
                || (arch.toLowerCase(Locale.ROOT).startsWith("arm")
                        && properties.getProperty("org.sqlite.osinfo.architecture") == null)
                || looksLikeAndroid()) {
            return Optional.empty();
        }
        Optional<String> maps = read.apply(Path.of("/proc/self/maps"));
        if (maps.isEmpty()) {
            return Optional.empty();
        }
        String os = isMusl(maps.get()) ? "Linux-Musl" : "Linux";
        return Optional.of("/" + SQLiteJDBCLoader.class.getPackage().getName().replace('.', '/') + "/native/" + os
                + "/" + OSInfo.getArchName());
    }

    /** The driver's rule: a mapped file whose path names musl (its C library), or else an Alpine os-release. */
    private boolean isMusl(String maps) {
        return maps.toLowerCase(Locale.ROOT).contains("musl") || read.apply(Path.of("/etc/os-release"))
                .map(release -> release.lines().anyMatch(line -> line.startsWith("ID") && line.contains("alpine")))
                .orElse(false);
    }

    /**
     * Any sign of Android, a superset of the driver's: its runtime name, the system partition every Android device
     * has (the driver looks for a GLES library in it), or the variables Android and Termux set.
     */
    private boolean looksLikeAndroid() {
        return properties.getProperty("java.runtime.name", "").toLowerCase(Locale.ROOT).contains("android")
                || exists.test(Path.of("/system"))
                || environment.containsKey("ANDROID_ROOT") || environment.containsKey("ANDROID_DATA")
                || environment.containsKey("TERMUX_VERSION");
    }

    private static Optional<String> readIfPossible(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1)); // paths are bytes; any decodes
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
