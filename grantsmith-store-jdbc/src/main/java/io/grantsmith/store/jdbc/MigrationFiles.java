package io.grantsmith.store.jdbc;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * A database's SQL migrations, named here instead of found by Flyway's scan of the class path: the scan opened the
 * server's jar (44 MB, ~20,000 entries) and walked its directory on every start that migrates, and loaded the
 * scanner's classes for it. Each file is read from the class path only when Flyway asks for its text.
 * MigrationFilesTest fails when a file under {@code db/migration/<database>} is not listed here, so a new migration
 * cannot be forgotten; a listed file that is missing fails the start.
 */
final class MigrationFiles implements ResourceProvider {
    private final String directory;
    private final List<LoadableResource> files;

    /** {@code directory}: the class-path directory, e.g. {@code db/migration/sqlite}; {@code names}: its files. */
    MigrationFiles(String directory, String... names) {
        this.directory = directory;
        this.files = Arrays.stream(names).<LoadableResource>map(File::new).toList();
    }

    /** The class-path directory the files are in. */
    String directory() {
        return directory;
    }

    /** The file names, as listed. */
    List<String> names() {
        return files.stream().map(LoadableResource::getFilename).toList();
    }

    @Override
    public LoadableResource getResource(String name) {
        return files.stream().filter(file -> file.getRelativePath().equals(name)).findFirst().orElse(null);
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
        return files.stream().filter(file -> file.getFilename().startsWith(prefix)
                && Arrays.stream(suffixes).anyMatch(file.getFilename()::endsWith)).toList();
    }

    /** One file; its path relative to the directory is its name, as Flyway's scan records it ("script"). */
    private final class File extends LoadableResource {
        private final String name;

        File(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            InputStream in = MigrationFiles.class.getClassLoader().getResourceAsStream(getAbsolutePath());
            if (in == null) {
                throw new FlywayException("migration " + getAbsolutePath() + " is listed but not on the class path");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
        }

        @Override
        public String getAbsolutePath() {
            return directory + "/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
