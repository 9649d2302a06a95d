package io.grantsmith.store.jdbc;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real 16 MiB filesystem (tmpfs) mounted at a directory, which a ballast file fills to the last byte and then
 * frees. Only where this process may mount (root with CAP_SYS_ADMIN and a mount command, as on a developer's
 * machine or a container run as root); elsewhere {@link FaultyConnections#fullDisk()} stands in.
 */
final class SmallFilesystem implements AutoCloseable {
    private final Path mountPoint;
    private final Path ballast;

    private SmallFilesystem(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.ballast = mountPoint.resolve("ballast");
    }

    /** Mounts one at {@code mountPoint} (an empty directory). */
    static SmallFilesystem mount(Path mountPoint) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        if (!run("mount", "-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", mountPoint.toString())) {
            throw new IOException("mounting a tmpfs at " + mountPoint + " failed");
        }
        return new SmallFilesystem(mountPoint);
    }

    /** Whether this process may mount one: tries it once in a scratch directory. */
    static boolean canMount() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("grantsmith-mount-check");
            if (!run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", scratch.toString())) {
                return false;
            }
            return run("umount", scratch.toString());
        } catch (IOException e) {
            return false; // no mount command
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (scratch != null) {
                try {
                    Files.deleteIfExists(scratch);
                } catch (IOException ignored) {
                    // still mounted; left for the OS
                }
            }
        }
    }

    Path root() {
        return mountPoint;
    }

    /** Writes the ballast until the filesystem has no byte left. */
    void fill() throws IOException {
        try (OutputStream out = Files.newOutputStream(ballast)) {
            byte[] chunk = new byte[64 * 1024];
            writeUntilFull(out, chunk);
            writeUntilFull(out, new byte[1]);
        }
    }

    void free() throws IOException {
        Files.deleteIfExists(ballast);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try (Stream<Path> files = Files.walk(mountPoint)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(mountPoint)).toList()) {
                Files.deleteIfExists(file);
            }
        }
        if (!run("umount", mountPoint.toString())) {
            throw new IOException("unmounting " + mountPoint + " failed");
        }
    }

    private static void writeUntilFull(OutputStream out, byte[] chunk) {
        try {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException full) {
            // No space left on device: as intended.
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return false;
        }
        return process.exitValue() == 0;
    }
}
