package io.grantsmith.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grantsmith.registry.StoreStatistic;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The store's figures in the scrape, as long as the server runs. */
class ServerMetricsTest {
    @Test
    void whenGarbageIsCollectedThenStoreStatisticsStillReportTheirCurrentValues() {
        AtomicLong batches = new AtomicLong();
        AtomicLong queue = new AtomicLong();
        // Only the metrics hold these statistics, as in the server, where the store hands out a fresh list.
        ServerMetrics metrics = new ServerMetrics(List.of(
                new StoreStatistic("store.writer.batches", "batches", StoreStatistic.Kind.COUNTER, batches::get),
                new StoreStatistic("store.writer.queue", "queue", StoreStatistic.Kind.GAUGE, queue::get)));

        for (int i = 0; i < 5; i++) {
            System.gc();
        }
        batches.set(42);
        queue.set(7);

        assertThat(metrics.scrape())
                .contains("grantsmith_store_writer_batches_total 42.0")
                .contains("grantsmith_store_writer_queue 7.0");
    }

    @Test
    void aScrapeRightAfterTheStartHasTheJvmMetersThatAreBoundMeanwhile() {
        ServerMetrics metrics = new ServerMetrics(List.of());

        assertThat(metrics.scrape())
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("jvm_threads_live_threads")
                .contains("system_cpu_count")
                .contains("process_uptime_seconds");
    }

    @Test
    void theJoseProviderShowsAsAGaugeWithItsName() {
        ServerMetrics metrics = new ServerMetrics(List.of());

        metrics.joseProvider("AmazonCorrettoCryptoProvider 2.5.0", 9);

        assertThat(metrics.scrape())
                .contains("grantsmith_jose_native_algorithms{provider=\"AmazonCorrettoCryptoProvider 2.5.0\"} 9.0");
    }

    /** A start does not wait for the JOSE provider's selection: the gauge appears once it is made. */
    @Test
    void theJoseProviderGaugeIsPublishedOnceTheSelectionIsMade() {
        ServerMetrics metrics = new ServerMetrics(List.of());
        java.util.concurrent.CompletableFuture<io.grantsmith.jose.JoseProvider> selection =
                new java.util.concurrent.CompletableFuture<>();

        metrics.joseProvider(selection);
        selection.complete(io.grantsmith.jose.JoseProvider.jdk());

        assertThat(metrics.scrape()).contains("grantsmith_jose_native_algorithms{provider=\"JDK\"} 0.0");
    }

    @Test
    void whenBindingTheJvmMetersFailsThenScrapesStillAnswerAndTheFailureIsLoggedOnce() {
        Logger log = (Logger) LoggerFactory.getLogger(ServerMetrics.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        log.addAppender(appender);
        try {
            AtomicLong queue = new AtomicLong(3);
            ServerMetrics metrics = new ServerMetrics(
                    List.of(new StoreStatistic("store.writer.queue", "queue", StoreStatistic.Kind.GAUGE, queue::get)),
                    registry -> {
                        throw new IllegalStateException("no management beans");
                    });

            assertThat(metrics.scrape()).contains("grantsmith_store_writer_queue 3.0").doesNotContain("jvm_");
            assertThat(metrics.scrape()).contains("grantsmith_store_writer_queue 3.0");
        } finally {
            log.detachAppender(appender);
        }

        assertThat(appender.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .singleElement().satisfies(event -> assertThat(event.getThrowableProxy().getMessage())
                        .isEqualTo("no management beans"));
    }
}
