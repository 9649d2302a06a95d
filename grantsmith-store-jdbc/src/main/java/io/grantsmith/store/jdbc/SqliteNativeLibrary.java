package io.grantsmith.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * sqlite-jdbc's native library, kept in a directory of the server's own instead of extracted anew by every start.
 * Left to itself the driver copies the library (1.1 MB) out of the jar into the temporary directory on every start,
 * reads both back byte by byte to compare them, and loads the copy: a fifth of a restart's time was measured there
 * (docs/BENCHMARKS.md). Here it is extracted once per driver version into {@code directory} and, on later starts,
 * checked (its size and CRC-32 against the jar entry's, which the jar's directory holds: no decompression) and handed
 * to the driver through its documented {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name} properties.
 *
 * <p>Safe with concurrent starts: each writes its own temporary file and renames it into place atomically, after
 * checking it; a file at the final name is whole or is replaced. Only a directory that no one but its owner may
 * write is used (the data directory is 0700), as what is loaded from it runs in the server. Whatever goes wrong
 * (no POSIX file system, no jar, a directory others may write, an I/O error) leaves the driver's own way, with a
 * warning where that is not expected; properties the operator set win.
 */
public final class SqliteNativeLibrary {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";
    static final String FILE_PREFIX = "sqlite-jdbc-";
    private static final Logger LOG = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static final Set<PosixFilePermission> OTHERS_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private SqliteNativeLibrary() {
    }

    /**
     * Has the driver load its native library from {@code directory} (created 0700 if missing), extracting it there
     * first if it is missing or damaged. To be called before the first SQLite connection of the process.
     *
     * @return the library file the driver will load, or empty when the driver is left to its own way
     */
    public static Optional<Path> useCacheIn(Path directory) {
        return useCacheIn(directory, System.getProperties());
    }

    /** For tests: as {@link #useCacheIn(Path)}, with {@code properties} standing for the system properties. */
    static Optional<Path> useCacheIn(Path directory, Properties properties) {
        if (properties.getProperty(PATH_PROPERTY) != null || properties.getProperty(NAME_PROPERTY) != null) {
            return Optional.empty(); // the operator's choice, or a store opened before in this process
        }
        Optional<Path> library;
        try {
            library = cached(directory);
        } catch (IOException | RuntimeException e) {
            LOG.info("Not keeping SQLite's native library in {} ({}); the driver extracts it to the temporary "
                    + "directory on every start instead", directory, e.toString());
            return Optional.empty();
        }
        library.ifPresent(file -> {
            properties.setProperty(PATH_PROPERTY, file.getParent().toString());
            properties.setProperty(NAME_PROPERTY, file.getFileName().toString());
        });
        return library;
    }

    /** The checked library file in {@code directory}, extracted first if need be; empty where it cannot be. */
    static Optional<Path> cached(Path directory) throws IOException {
        if (!directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Optional.empty();
        }
        String name = LibraryLoaderUtil.getNativeLibName();
        // the folder found without the driver's `uname -o` probe where that is certain (SqliteNativeResource)
        URL resource = SQLiteJDBCLoader.class.getResource(SqliteNativeResource.ofThisProcess().folder() + "/" + name);
        if (resource == null) {
            return Optional.empty(); // no library for this platform in the jar: the driver looks elsewhere
        }
        Entry entry = Entry.of(resource);
        if (entry == null) {
            return Optional.empty(); // not in a jar (an IDE's class directory): nothing cheap to check a copy against
        }
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        // A library this process loads must be one only its own user could have put there: not through a link, not
        // in a directory another user owns (root running a CLI command on a service account's data directory would
        // otherwise load what that account wrote; a CRC stops corruption, not tampering).
        if (Files.isSymbolicLink(directory)) {
            throw new IOException("it is a symbolic link");
        }
        UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
        if (!owner.equals(currentUser(directory))) {
            throw new IOException("it belongs to " + owner.getName() + ", not to this process's user");
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
        if (permissions.stream().anyMatch(OTHERS_WRITE::contains)) {
            throw new IOException("others may write to it (" + PosixFilePermissions.toString(permissions) + ")");
        }
        Path file = directory.resolve(FILE_PREFIX + SQLiteJDBCLoader.getVersion() + "-"
                + String.format(Locale.ROOT, "%08x", entry.crc()) + "-" + name);
        if (intact(file, entry)) {
            LOG.debug("SQLite's native library: {}", file);
            return Optional.of(file);
        }
        extract(resource, entry, file);
        removeOthers(directory, file);
        LOG.info("Extracted SQLite's native library to {}; later starts load it from there", file);
        return Optional.of(file);
    }

    /** The user this process runs as, as the file system names owners. */
    private static UserPrincipal currentUser(Path directory) throws IOException {
        return directory.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
    }

    /**
     * Whether {@code file} is a regular file of its directory's owner that only its owner may write, with the entry's
     * size and CRC-32.
     */
    static boolean intact(Path file, Entry entry) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != entry.size()
                || !Files.getOwner(file, LinkOption.NOFOLLOW_LINKS)
                        .equals(Files.getOwner(file.getParent(), LinkOption.NOFOLLOW_LINKS))
                || Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).stream()
                        .anyMatch(OTHERS_WRITE::contains)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return crc(in, OutputStream.nullOutputStream()) == entry.crc();
        }
    }

    /**
     * Writes the library to a temporary file of its own, checks it and renames it to {@code file} atomically
     * (replacing a damaged one; a concurrent start's identical file may win, which is as good).
     */
    private static void extract(URL resource, Entry entry, Path file) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), "." + FILE_PREFIX, ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            URLConnection connection = resource.openConnection();
            connection.setUseCaches(false); // the class loader's open jar stays untouched
            long crc;
            try (InputStream in = connection.getInputStream();
                    OutputStream out = Files.newOutputStream(temporary)) {
                crc = crc(in, out);
            }
            if (crc != entry.crc() || Files.size(temporary) != entry.size()) {
                throw new IOException("the extracted copy differs from the jar's");
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Removes libraries of other driver versions (an upgrade's leftovers); a running server keeps its loaded one. */
    private static void removeOthers(Path directory, Path kept) {
        try (DirectoryStream<Path> libraries = Files.newDirectoryStream(directory, FILE_PREFIX + "*")) {
            for (Path library : libraries) {
                if (!library.equals(kept)) {
                    Files.deleteIfExists(library);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not remove old SQLite native libraries from {}", directory, e);
        }
    }

    /** Copies {@code in} to {@code out} and returns the CRC-32 of what passed. */
    private static long crc(InputStream in, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            crc.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return crc.getValue();
    }

    /** The size and CRC-32 the jar's directory records for the library. */
    record Entry(long size, long crc) {
        /** The entry {@code resource} names, or null when it is not in a jar or the jar does not record both. */
        static Entry of(URL resource) throws IOException {
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return null;
            }
            jar.setUseCaches(false); // a JarFile of its own, closed below, not one kept open in the JDK's cache
            JarFile file = jar.getJarFile();
            try {
                JarEntry entry = file.getJarEntry(jar.getEntryName());
                return entry == null || entry.getSize() < 0 || entry.getCrc() < 0 ? null
                        : new Entry(entry.getSize(), entry.getCrc());
            } finally {
                file.close();
            }
        }
    }
}
