package io.grantsmith.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL of a test's own, on a fixed port and data directory, so that the test can stop it for real
 * (zonky's close: {@code pg_ctl stop -m fast}) and start it again where the node expects it. Never the shared
 * {@code GRANTSMITH_TEST_PG_URL} server: stopping that would break every other test using it.
 */
final class StoppablePostgres implements AutoCloseable {
    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres server;

    private StoppablePostgres(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Initialises {@code dataDirectory} and starts the server on a free loopback port. */
    static StoppablePostgres start(Path dataDirectory) throws IOException {
        StoppablePostgres postgres = new StoppablePostgres(freePort(), dataDirectory);
        postgres.start();
        return postgres;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts the server on the same port and data directory; its data are kept (initdb only the first time). */
    synchronized void start() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false).start();
        }
    }

    /** A fast shutdown: sessions are ended at once, new connections are refused until {@link #start()}. */
    synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
