package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.PrivateJwk;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.StoredKey;
import io.grantsmith.registry.DirectoryChanges;
import io.grantsmith.registry.StoredClient;
import io.grantsmith.registry.StoredService;
import io.grantsmith.testkit.TestPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes' stores on one database: what one writes to services, clients and keys, the other hears on its change
 * listener within milliseconds; a listener whose connection is cut reconnects and reports that it may have missed
 * changes. On SQLite no one else writes, so nothing is heard.
 */
class PostgresChangeListenerTest {
    private static final TestPostgres.Schema SCHEMA = TestPostgres.schema(PostgresChangeListenerTest.class);
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    /** The bound this test holds the listener to; it is typically met in a few milliseconds. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private JdbcStores writer;
    private JdbcStores listener;

    @TempDir
    Path directory;

    @BeforeEach
    void open() throws InterruptedException {
        writer = PostgresTestStores.openEmpty(SCHEMA);
        listener = JdbcStores.openPostgres(PostgresTestStores.settings(SCHEMA));
        listener.directoryChanges().subscribe(new Recorder());
        await(listener::isListeningForChanges);
        // A first LISTEN drops what was cached before it, telling those subscribed by then: this test subscribes
        // after the store has opened, so on a loaded machine the listener may have listened (and told no one) first.
        assertThat(heard.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isIn("everything", null);
    }

    @AfterEach
    void close() {
        writer.close();
        listener.close();
    }

    @Test
    void whenAnotherNodeChangesServicesClientsAndKeysThenThisNodeHearsEachWithinTheBound() throws Exception {
        long started = System.nanoTime();
        writer.services().insert(service(7));
        assertThat(next()).isEqualTo("service 7");

        writer.clients().insert(client(7, 70));
        assertThat(next()).isEqualTo("clients 7");
        writer.clients().update(client(7, 70));
        assertThat(next()).isEqualTo("clients 7");
        writer.keys().apply(7, List.of(new KeyChange.Insert(new StoredKey(7, "k1", SigningAlgorithm.ES256,
                KeyState.CURRENT, PrivateJwk.of("{\"d\":\"x\"}"), "{\"kid\":\"k1\"}", NOW, NOW, null, null))));
        assertThat(next()).isEqualTo("keys 7");
        writer.clients().delete(7, 70);
        assertThat(next()).isEqualTo("clients 7");
        writer.services().delete(7);
        assertThat(next()).isEqualTo("service 7");

        System.out.printf("six changes heard in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertThat(writer.clients().delete(7, 70)).as("nothing deleted: nothing announced").isFalse();
        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenAWriteRollsBackThenNothingIsAnnounced() throws Exception {
        writer.services().insert(service(8));
        assertThat(next()).isEqualTo("service 8");

        assertThat(writer.services().insert(service(8))).as("the ID is taken").isFalse();

        assertThat(heard.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void whenTheListeningConnectionIsCutThenItReconnectsAndReportsThatChangesMayHaveBeenMissed() throws Exception {
        int pid = listener.changeListenerPid();
        assertThat(pid).isPositive();

        TestPostgres.execute(SCHEMA.url(), "SELECT pg_terminate_backend(" + pid + ")");

        assertThat(heard.poll(10, TimeUnit.SECONDS)).as("reported after reconnecting").isEqualTo("everything");
        assertThat(listener.changeListenerPid()).isNotEqualTo(pid);
        writer.clients().insert(client(9, 90));
        assertThat(next()).isEqualTo("clients 9");
    }

    @Test
    void whenTheStoreIsSqliteThenNoOtherNodeIsHeardFrom() {
        try (JdbcStores sqlite = TestStores.open(directory.resolve("grantsmith.db"))) {
            assertThat(sqlite.directoryChanges()).isSameAs(DirectoryChanges.NONE);
            assertThat(sqlite.isListeningForChanges()).isFalse();
        }
    }

    private String next() throws InterruptedException {
        String event = heard.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("heard within %s", BOUND).isNotNull();
        return event;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static StoredService service(long id) {
        return new StoredService(id, TokenHash.of(new byte[32]), "{}", NOW, NOW);
    }

    private static StoredClient client(long serviceId, long clientId) {
        return new StoredClient(serviceId, clientId, null, ClientSecret.of("secret"), "{}", NOW, NOW);
    }

    private final class Recorder implements DirectoryChanges.Listener {
        @Override
        public void serviceChanged(long serviceId) {
            heard.add("service " + serviceId);
        }

        @Override
        public void clientsChanged(long serviceId) {
            heard.add("clients " + serviceId);
        }

        @Override
        public void keysChanged(long serviceId) {
            heard.add("keys " + serviceId);
        }

        @Override
        public void everythingMayHaveChanged() {
            heard.add("everything");
        }
    }
}
