package io.grantsmith.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.registry.Stores;
import io.grantsmith.server.http.EdgeLimits;
import io.grantsmith.server.http.HttpServer;
import io.grantsmith.server.http.TlsIdentity;
import io.grantsmith.testkit.FastSigningKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A running Grantsmith server on 127.0.0.1 and an HTTP client for it. Register it once per test class
 * ({@code @RegisterExtension static final HttpFixture SERVER = HttpFixture.sqlite();}); tests keep out of each
 * other's way by creating their own services. By default the store is SQLite in a temporary data directory,
 * opened as {@code grantsmith serve} opens it (master key file, sealed client secrets), with a fixed admin token.
 */
public final class HttpFixture implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token-0123456789abcdefghijklmnop";

    /** A service created for a test: its ID (the API key) and API secret. */
    public record ServiceRef(long id, String apiSecret) {
        public String path(String suffix) {
            return "/api/" + id + suffix;
        }
    }

    /** A client created for a test; {@code secret} is null for public clients. */
    public record ClientRef(String id, String secret) {
    }

    private final Function<Path, Stores> stores;
    private final Clock clock;
    private final String adminToken;
    private final UnaryOperator<Grantsmith.Builder> settings;
    /**
     * The defaults, except that refusals at {@code /as} are answered at once: many tests send wrong credentials on
     * purpose, and the delay has tests of its own ({@code AbuseFairnessTest}), which set it.
     */
    private EdgeLimits limits = EdgeLimits.DEFAULTS.withRefusalDelay(Duration.ZERO);
    private String metricsToken;
    private Path dataDir;
    private boolean ownsDataDir;
    private Grantsmith grantsmith;
    private HttpServer server;
    private HttpTarget target;
    private TlsIdentity tls;

    private HttpFixture(Function<Path, Stores> stores, Clock clock, String adminToken,
            UnaryOperator<Grantsmith.Builder> settings) {
        this.stores = stores;
        this.clock = clock;
        this.adminToken = adminToken;
        this.settings = settings;
    }

    /** SQLite in a fresh temporary directory, the system clock, {@link #ADMIN_TOKEN}. */
    public static HttpFixture sqlite() {
        return sqlite(Clock.systemUTC());
    }

    public static HttpFixture sqlite(Clock clock) {
        return sqlite(clock, UnaryOperator.identity());
    }

    /**
     * @param settings changes to the server's defaults, e.g. {@code b -> b.maxClientsPerService(2)}
     */
    public static HttpFixture sqlite(Clock clock, UnaryOperator<Grantsmith.Builder> settings) {
        return new HttpFixture(HttpFixture::openSqlite, clock, ADMIN_TOKEN, settings);
    }

    /** Any store, e.g. one that fails on purpose. */
    public static HttpFixture over(Stores stores) {
        return new HttpFixture(dir -> stores, Clock.systemUTC(), ADMIN_TOKEN, UnaryOperator.identity());
    }

    /**
     * A server over an existing data directory (made by the CLI, say), started now; close it when done.
     *
     * @param adminToken the configured admin token, or null to use the one stored in the data directory
     */
    public static HttpFixture startedOn(Path dataDir, String adminToken) {
        HttpFixture fixture = new HttpFixture(HttpFixture::openSqlite, Clock.systemUTC(), adminToken,
                UnaryOperator.identity());
        fixture.start(dataDir, false);
        return fixture;
    }

    /** Serve with these edge limits instead of the defaults (call before the server starts). */
    public HttpFixture limits(EdgeLimits value) {
        limits = value;
        return this;
    }

    /**
     * Serve HTTPS with a generated self-signed pair, as {@code grantsmith serve --tls-self-signed} does (call before
     * the server starts); {@link #http()} trusts that certificate and {@link #baseUrl()} is {@code https}.
     */
    public HttpFixture tlsSelfSigned() {
        tls = TlsIdentity.selfSigned("127.0.0.1", new SecureRandom());
        return this;
    }

    /** A TLS context that trusts this server's certificate (HTTPS servers only). */
    public SSLContext trustingContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", tls.certificate());
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the test server's certificate could not be trusted", e);
        }
    }

    /** Accept this metrics token on {@code /metrics} (call before the server starts). */
    public HttpFixture metricsToken(String value) {
        metricsToken = value;
        return this;
    }

    private static Stores openSqlite(Path dataDir) {
        try {
            return SqliteStoreFactory.open(dataDir, KeyMaterial.loadOrCreate(dataDir.resolve("master.key"),
                    new SecureRandom()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start(Files.createTempDirectory("grantsmith-http-"), true);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void start(Path directory, boolean owned) {
        dataDir = directory;
        ownsDataDir = owned;
        grantsmith = settings.apply(Grantsmith.builder().stores(stores.apply(directory)).clock(clock)
                .adminToken(adminToken).keyGenerator(new FastSigningKeys())).build();
        server = new HttpServer(grantsmith, "127.0.0.1", 0, limits, metricsToken, false, tls);
        try {
            server.start();
            grantsmith.listening(baseUrl()); // as 'grantsmith serve' does: the public URL unless one is configured
        } catch (Exception e) {
            grantsmith.close();
            throw new IllegalStateException("the test server did not start", e);
        }
        target = new HttpTarget(baseUrl(), tls == null ? null : trustingContext());
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (grantsmith != null) {
                grantsmith.close();
            }
            if (ownsDataDir) {
                deleteRecursively(dataDir);
            }
        }
    }

    /** The data directory (the SQLite database is {@code grantsmith.db} in it). */
    public Path dataDir() {
        return dataDir;
    }

    public Grantsmith grantsmith() {
        return grantsmith;
    }

    public int port() {
        return server.port();
    }

    public HttpServer server() {
        return server;
    }

    public String baseUrl() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port();
    }

    // ---- requests

    /** Requests to this server. */
    public HttpTarget http() {
        return target;
    }

    public HttpTarget.Call post(String path) {
        return target.post(path);
    }

    public HttpTarget.Call get(String path) {
        return target.get(path);
    }

    public HttpTarget.Call call(String method, String path) {
        return target.call(method, path);
    }

    // ---- setup through the facade (fast; the API itself is tested elsewhere)

    /** A service with scopes {@code read} (default) and {@code write}, plus {@code extraMembers} (",\"x\":1"). */
    public ServiceRef service(String extraMembers) {
        ObjectNode created = grantsmith.services().create(document("{\"serviceName\":\"test\",\"supportedScopes\":["
                + "{\"name\":\"read\",\"defaultEntry\":true},{\"name\":\"write\"}]" + extraMembers + "}"));
        return new ServiceRef(created.get("apiKey").asLong(), created.get("apiSecret").asText());
    }

    /** A confidential client (client_secret_basic) allowed every supported grant, plus {@code extraMembers}. */
    public ClientRef client(ServiceRef service, String extraMembers) {
        ObjectNode created = grantsmith.clients().create(service.id(), document("{\"clientName\":\"test\","
                + "\"grantTypes\":[\"AUTHORIZATION_CODE\",\"CLIENT_CREDENTIALS\",\"PASSWORD\",\"REFRESH_TOKEN\"]"
                + extraMembers + "}"));
        JsonNode secret = created.get("clientSecret");
        return new ClientRef(created.get("clientId").asText(), secret.isNull() ? null : secret.asText());
    }

    public void user(ServiceRef service, String username, String password) {
        grantsmith.users().add(service.id(), username, password, null, false);
    }

    /** A user of the built-in directory with its own subject and claims (a JSON object). */
    public void user(ServiceRef service, String username, String subject, String claimsJson) {
        grantsmith.users().add(service.id(), username, "unused password", subject, document(claimsJson), false);
    }

    /** {@code POST /as/{id}/token} with the client's credentials in HTTP Basic. */
    public Reply asToken(ServiceRef service, ClientRef client, String form) {
        return post("/as/" + service.id() + "/token").basic(client.id(), client.secret()).form(form).send();
    }

    /** {@code POST /api/{id}/auth/token} as an authorization server calls it, with the service's API secret. */
    public Reply apiToken(ServiceRef service, ClientRef client, String parameters) {
        return post(service.path("/auth/token")).bearer(service.apiSecret())
                .json(tokenRequest(parameters, client, "")).send();
    }

    /**
     * The JSON body of an {@code /auth/token} call: the client's form body as {@code parameters} and its Basic
     * credentials, plus {@code extraMembers} (",\"x\":1").
     */
    public static String tokenRequest(String parameters, ClientRef client, String extraMembers) {
        return "{\"parameters\":" + Json.quote(parameters) + ",\"clientId\":" + Json.quote(client.id())
                + ",\"clientSecret\":" + Json.quote(client.secret()) + extraMembers + "}";
    }

    private static ObjectNode document(String json) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
