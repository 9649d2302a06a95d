package io.grantsmith.server.metrics;

import io.grantsmith.jose.JoseProvider;
import io.grantsmith.registry.StoreStatistic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics in Prometheus form: HTTP requests by route, method and status (with latency), token
 * endpoint outcomes by action, the store's own figures (group commit) and the JVM's. Meters are created once
 * per label combination and cached, so recording costs a map lookup and an add on the hot path.
 */
public final class ServerMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);
    private static final Set<String> STANDARD_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT",
            "OPTIONS", "TRACE", "PATCH");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
    private final Map<String, Counter> actionCounters = new ConcurrentHashMap<>();
    /**
     * Micrometer holds a function meter's object weakly, and nothing else keeps these alive (the store hands out a
     * fresh list): without this reference the store's figures would freeze at the first garbage collection.
     */
    private final List<StoreStatistic> storeStatistics;
    /**
     * The JVM's meters, bound on a thread of their own: they load the JVM's management classes (JMX, several hundred),
     * which a start would otherwise load before it can answer its first request. A scrape waits for them. It never
     * completes exceptionally: a binding that fails is logged once, and scrapes go on without the meters it missed.
     */
    private final CompletableFuture<Void> jvmMeters;
    /** The JOSE provider's gauge, registered once the provider is selected (a start does not wait for it). */
    private volatile CompletableFuture<Void> joseMeter = CompletableFuture.completedFuture(null);

    public ServerMetrics(List<StoreStatistic> storeStatistics) {
        this(storeStatistics, ServerMetrics::bindJvmMeters);
    }

    /** For tests: with {@code jvmBinder} binding the JVM's meters. */
    ServerMetrics(List<StoreStatistic> storeStatistics, Consumer<MeterRegistry> jvmBinder) {
        this.storeStatistics = List.copyOf(storeStatistics);
        this.jvmMeters = CompletableFuture.runAsync(() -> jvmBinder.accept(registry), task -> {
            Thread thread = new Thread(task, "grantsmith-jvm-metrics");
            thread.setDaemon(true);
            thread.start();
        }).exceptionally(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.warn("Binding the JVM metrics failed; /metrics goes on without (some of) them", cause);
            return null;
        });
        for (StoreStatistic statistic : this.storeStatistics) {
            String name = "grantsmith." + statistic.name();
            if (statistic.kind() == StoreStatistic.Kind.COUNTER) {
                FunctionCounter.builder(name, statistic, s -> s.value().getAsLong())
                        .description(statistic.description()).register(registry);
            } else {
                Gauge.builder(name, statistic, s -> s.value().getAsLong())
                        .description(statistic.description()).register(registry);
            }
        }
    }

    private static void bindJvmMeters(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /**
     * Publishes which provider signs tokens: {@code grantsmith_jose_native_algorithms{provider="…"}}, the number of
     * RSA and ECDSA JWS algorithms the native provider took (0 and {@code provider="JDK"} when it fell back), so
     * that a fleet where some nodes sign 4-38 times slower shows in the monitoring.
     */
    public void joseProvider(CompletionStage<JoseProvider> selection) {
        joseMeter = selection.thenAccept(jose -> joseProvider(jose.providerName(), jose.nativeAlgorithmCount()))
                .toCompletableFuture().exceptionally(failure -> {
                    // every scrape waits for this meter: a failure must not fail them all
                    LOG.warn("Publishing the JOSE provider metric failed; /metrics goes on without it", failure);
                    return null;
                });
    }

    /** {@link #joseProvider(CompletionStage)} with a provider already selected. */
    public void joseProvider(String provider, int nativeAlgorithms) {
        Gauge.builder("grantsmith.jose.native.algorithms", () -> nativeAlgorithms)
                .description("RSA and ECDSA JWS algorithms signed by the native JCA provider (jose-provider)")
                .tag("provider", provider).register(registry);
    }

    /**
     * Records one answered request.
     *
     * @param route the route's API name (e.g. {@code /auth/token}); unrouted requests are grouped as {@code other}
     */
    public void request(String route, String method, int status, long nanos) {
        String key = route + ' ' + method + ' ' + status;
        requestTimers.computeIfAbsent(key, unused -> Timer.builder("grantsmith.http.requests")
                .description("HTTP requests answered")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The method as a label: the standard methods by name, anything a client invents as {@code OTHER}. */
    public static String methodLabel(String method) {
        return STANDARD_METHODS.contains(method) ? method : "OTHER";
    }

    /** Counts one answer of a token endpoint by its action ({@code OK}, {@code BAD_REQUEST}, ...). */
    public void tokenAction(String endpoint, String action) {
        actionCounters.computeIfAbsent(endpoint + ' ' + action, unused -> Counter.builder("grantsmith.token.actions")
                .description("Token endpoint answers by action")
                .tag("endpoint", endpoint).tag("action", action)
                .register(registry))
                .increment();
    }

    public void authorizationAction(String endpoint, String action) {
        actionCounters.computeIfAbsent("authorization " + endpoint + ' ' + action,
                unused -> Counter.builder("grantsmith.authorization.actions")
                        .description("Authorization API answers by action")
                        .tag("endpoint", endpoint).tag("action", action)
                        .register(registry))
                .increment();
    }

    /** The Prometheus text exposition of every meter, the JVM's and the JOSE provider's included. */
    public String scrape() {
        jvmMeters.join();
        joseMeter.join();
        return registry.scrape();
    }
}
