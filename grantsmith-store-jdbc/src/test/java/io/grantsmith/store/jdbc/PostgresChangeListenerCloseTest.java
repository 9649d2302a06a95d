package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.registry.DirectoryChanges;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A listener closed while its connection is still opening (longer than close waits) closes that connection once it
 * opens and calls no listener: the store behind it is closed.
 */
class PostgresChangeListenerCloseTest {
    private final CountDownLatch connecting = new CountDownLatch(1);
    private final CountDownLatch connected = new CountDownLatch(1);
    private final AtomicBoolean connectionClosed = new AtomicBoolean();
    private final CountDownLatch closedSeen = new CountDownLatch(1);
    private final AtomicInteger heard = new AtomicInteger();

    @Test
    void whenClosedWhileConnectingThenTheConnectionIsClosedAndNoListenerIsCalled() throws Exception {
        PostgresChangeListener listener = new PostgresChangeListener("grantsmith:test", () -> {
            connecting.countDown();
            awaitUninterruptibly(connected); // a connect that outlasts close's wait
            return connection();
        });
        listener.subscribe(new DirectoryChanges.Listener() {
            @Override
            public void serviceChanged(long serviceId) {
                heard.incrementAndGet();
            }

            @Override
            public void clientsChanged(long serviceId) {
                heard.incrementAndGet();
            }

            @Override
            public void keysChanged(long serviceId) {
                heard.incrementAndGet();
            }

            @Override
            public void everythingMayHaveChanged() {
                heard.incrementAndGet();
            }
        });
        listener.start();
        assertThat(connecting.await(10, TimeUnit.SECONDS)).isTrue();

        listener.close();
        connected.countDown();

        assertThat(closedSeen.await(10, TimeUnit.SECONDS)).as("the late connection was closed").isTrue();
        assertThat(heard.get()).as("listener calls after close").isZero();
        assertThat(listener.isListening()).isFalse();
    }

    /** A connection on which LISTEN and SELECT pg_backend_pid() succeed, and whose close is recorded. */
    private Connection connection() {
        Statement statement = (Statement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "execute" -> false;
                    case "executeQuery" -> Proxy.newProxyInstance(getClass().getClassLoader(),
                            new Class<?>[] {ResultSet.class}, (p, m, a) -> m.getName().equals("next") ? false : null);
                    default -> null;
                });
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "createStatement" -> statement;
                    case "close" -> {
                        connectionClosed.set(true);
                        closedSeen.countDown();
                        yield null;
                    }
                    case "isClosed" -> connectionClosed.get();
                    default -> null;
                });
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // close() interrupts the thread; a driver's connect may not notice
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
