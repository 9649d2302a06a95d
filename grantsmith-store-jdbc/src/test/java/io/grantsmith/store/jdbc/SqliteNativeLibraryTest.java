package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc's native library is extracted once into a directory of ours and reused by later starts. */
class SqliteNativeLibraryTest {
    @TempDir
    Path directory;

    @Test
    void theFirstStartExtractsTheLibraryAndLaterStartsReuseItUnchanged() throws Exception {
        Path cache = directory.resolve("cache");
        Properties first = new Properties();

        Path library = SqliteNativeLibrary.useCacheIn(cache, first).orElseThrow();

        assertThat(library.getParent()).isEqualTo(cache);
        assertThat(library.getFileName().toString()).startsWith("sqlite-jdbc-" + org.sqlite.SQLiteJDBCLoader.getVersion());
        assertThat(first.getProperty("org.sqlite.lib.path")).isEqualTo(cache.toString());
        assertThat(first.getProperty("org.sqlite.lib.name")).isEqualTo(library.getFileName().toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(library))).isEqualTo("rwx------");
        Object extracted = Files.readAttributes(library, BasicFileAttributes.class).fileKey();

        Properties second = new Properties();
        assertThat(SqliteNativeLibrary.useCacheIn(cache, second)).contains(library);

        assertThat(Files.readAttributes(library, BasicFileAttributes.class).fileKey())
                .as("the same file, not extracted again").isEqualTo(extracted);
        assertThat(second).isEqualTo(first);
        assertThat(filesIn(cache)).containsExactly(library.getFileName().toString());
    }

    @Test
    void aDamagedOrTruncatedCopyIsReplacedByAWholeOne() throws Exception {
        Path cache = directory.resolve("cache");
        Path library = SqliteNativeLibrary.useCacheIn(cache, new Properties()).orElseThrow();
        byte[] whole = Files.readAllBytes(library);
        byte[] damaged = whole.clone();
        damaged[damaged.length / 2] ^= 0x40; // same size, one bit off

        Files.write(library, damaged);
        assertThat(SqliteNativeLibrary.useCacheIn(cache, new Properties())).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(whole);

        Files.write(library, new byte[100]); // a crash while it was written (no temporary file was renamed so)
        assertThat(SqliteNativeLibrary.useCacheIn(cache, new Properties())).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(whole);
    }

    @Test
    void anotherVersionsLibraryIsRemovedWhenThisOneIsExtracted() throws Exception {
        Path cache = Files.createDirectory(directory.resolve("cache"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        Path old = Files.write(cache.resolve("sqlite-jdbc-3.0.0.0-0badc0de-libsqlitejdbc.so"), new byte[10]);

        Path library = SqliteNativeLibrary.useCacheIn(cache, new Properties()).orElseThrow();

        assertThat(old).doesNotExist();
        assertThat(filesIn(cache)).containsExactly(library.getFileName().toString());
    }

    @Test
    void aDirectoryOthersMayWriteIsNotUsedAndTheDriverKeepsItsOwnWay() throws Exception {
        Path cache = Files.createDirectory(directory.resolve("cache"));
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        Properties properties = new Properties();

        try (LogCapture log = LogCapture.of(SqliteNativeLibrary.class)) {
            assertThat(SqliteNativeLibrary.useCacheIn(cache, properties)).isEmpty();
            assertThat(log.messages(Level.INFO)).singleElement().asString().contains("others may write to it");
        }
        assertThat(properties).isEmpty();
        assertThat(filesIn(cache)).isEmpty();
    }

    @Test
    void aLinkToADirectoryIsNotUsed() throws Exception {
        Path elsewhere = Files.createDirectory(directory.resolve("elsewhere"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path cache = Files.createSymbolicLink(directory.resolve("cache"), elsewhere);
        Properties properties = new Properties();

        try (LogCapture log = LogCapture.of(SqliteNativeLibrary.class)) {
            assertThat(SqliteNativeLibrary.useCacheIn(cache, properties)).isEmpty();
            assertThat(log.messages(Level.INFO)).singleElement().asString().contains("symbolic link");
        }
        assertThat(properties).isEmpty();
        assertThat(filesIn(elsewhere)).isEmpty();
    }

    @Test
    void propertiesTheOperatorSetWin() {
        Properties properties = new Properties();
        properties.setProperty("org.sqlite.lib.path", "/opt/sqlite");

        assertThat(SqliteNativeLibrary.useCacheIn(directory.resolve("cache"), properties)).isEmpty();

        assertThat(properties).containsOnlyKeys("org.sqlite.lib.path");
        assertThat(directory.resolve("cache")).doesNotExist();
    }

    /** Starts at the same moment (here threads; processes do the same with the file system) agree on one file. */
    @Test
    void concurrentStartsOnAnEmptyDirectoryAllGetTheWholeLibrary() throws Exception {
        Path cache = directory.resolve("cache");
        int starts = 6;
        CyclicBarrier together = new CyclicBarrier(starts);
        ExecutorService pool = Executors.newFixedThreadPool(starts);
        try {
            List<Future<Optional<Path>>> results = new ArrayList<>();
            for (int i = 0; i < starts; i++) {
                Callable<Optional<Path>> start = () -> {
                    together.await(30, TimeUnit.SECONDS);
                    return SqliteNativeLibrary.useCacheIn(cache, new Properties());
                };
                results.add(pool.submit(start));
            }
            Path library = results.get(0).get(60, TimeUnit.SECONDS).orElseThrow();
            for (Future<Optional<Path>> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).contains(library);
            }
            assertThat(SqliteNativeLibrary.intact(library, entry())).isTrue();
            assertThat(filesIn(cache)).as("no temporary file is left").containsExactly(library.getFileName().toString());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The driver really loads the cached file: a fresh JVM (this one has loaded its library already) opens a
     * database after {@link SqliteNativeLibrary#useCacheIn}, with a temporary directory of its own, where the driver
     * would otherwise have extracted its copy.
     */
    @Test
    void theDriverLoadsTheCachedLibraryAndExtractsNothingToTheTemporaryDirectory() throws Exception {
        Path cache = directory.resolve("cache");
        Path temporary = Files.createDirectory(directory.resolve("tmp"));
        Path errors = directory.resolve("child.err");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + temporary, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                cache.toString())
                .redirectError(errors.toFile())
                .redirectOutput(directory.resolve("child.out").toFile())
                .start();

        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(errors)).isZero();
        assertThat(Files.readString(directory.resolve("child.out"))).contains("loaded " + cache.resolve(
                filesIn(cache).get(0)));
        assertThat(filesIn(temporary)).as("nothing extracted to java.io.tmpdir").isEmpty();
    }

    /** The child JVM of the test above. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path library = SqliteNativeLibrary.useCacheIn(Path.of(args[0])).orElseThrow();
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                    ResultSet result = connection.createStatement().executeQuery("SELECT sqlite_version()")) {
                result.next();
                System.out.println("loaded " + library + ", SQLite " + result.getString(1));
            }
        }
    }

    private static SqliteNativeLibrary.Entry entry() throws Exception {
        return SqliteNativeLibrary.Entry.of(org.sqlite.SQLiteJDBCLoader.class.getResource(
                org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/"
                        + org.sqlite.util.LibraryLoaderUtil.getNativeLibName()));
    }

    private static List<String> filesIn(Path path) throws Exception {
        try (Stream<Path> files = Files.list(path)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
