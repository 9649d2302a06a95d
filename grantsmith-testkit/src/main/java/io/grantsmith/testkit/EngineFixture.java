package io.grantsmith.testkit;

import static io.grantsmith.testkit.TokenRequests.basic;
import static io.grantsmith.testkit.TokenRequests.concat;
import static io.grantsmith.testkit.TokenRequests.issueRequest;

import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.core.TokenEngine;
import io.grantsmith.core.TokenEngineBuilder;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.RefreshTokenRecord;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.Issuance;
import io.grantsmith.core.result.TokenFailResult;
import io.grantsmith.core.result.TokenIssueResult;
import io.grantsmith.core.result.TokenResult;
import io.grantsmith.core.spi.TokenLookup;
import io.grantsmith.registry.Stores;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link TokenEngine} over one store's token and ticket ports, with the {@link TestClients}, a
 * {@link MutableClock} and a fixed rotation secret, plus the few request sequences most tests start from.
 */
public final class EngineFixture {
    public static final long SERVICE_ID = 1001L;
    public static final long OTHER_SERVICE_ID = 1002L;
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    /** 32 bytes: the smallest rotation secret the engine accepts. */
    public static final byte[] ROTATION_SECRET = "grantsmith-test-rotation-secret!".getBytes(StandardCharsets.US_ASCII);
    public static final Duration ACCESS_TOKEN_DURATION = Duration.ofHours(1);
    public static final Duration REFRESH_TOKEN_DURATION = Duration.ofDays(1);
    /** The scope whose attributes cap token lifetimes. */
    public static final String SHORT_SCOPE = "short";
    public static final Duration SHORT_SCOPE_ACCESS_TOKEN_DURATION = Duration.ofMinutes(5);
    public static final Duration SHORT_SCOPE_REFRESH_TOKEN_DURATION = Duration.ofHours(2);
    /**
     * {@code read} and {@code admin} are default entries; {@code openid} and {@link #SHORT_SCOPE} are supported
     * too; {@code write} is ordinary.
     */
    public static final ScopeCatalog SCOPES = ScopeCatalog.of(List.of(
            new ScopeDefinition("read", true, Map.of()),
            new ScopeDefinition("write", false, Map.of()),
            new ScopeDefinition("admin", true, Map.of()),
            new ScopeDefinition("openid", false, Map.of()),
            new ScopeDefinition(SHORT_SCOPE, false, Map.of(
                    "access_token.duration", Long.toString(SHORT_SCOPE_ACCESS_TOKEN_DURATION.toSeconds()),
                    "refresh_token.duration", Long.toString(SHORT_SCOPE_REFRESH_TOKEN_DURATION.toSeconds())))));
    public static final String RESOURCE_A = "https://a.example.com/api";
    public static final String RESOURCE_B = "https://b.example.com/api";
    public static final String SUBJECT = "alice";
    public static final String USERNAME = "alice@example.com";
    public static final String PASSWORD = "correct horse battery staple";

    private final Stores stores;
    private final MutableClock clock = new MutableClock(START);
    private final FixedClientLookup clients = new FixedClientLookup();
    private final TokenEngine engine;

    public EngineFixture(Stores stores) {
        this(stores, builder -> { });
    }

    /** A fixture whose engine {@code customization} changes (its grants, say) before it is built. */
    public EngineFixture(Stores stores, Consumer<TokenEngineBuilder> customization) {
        this.stores = stores;
        TestClients.registerAll(clients);
        TokenEngineBuilder builder = TokenEngine.builder().clients(clients).tokens(stores.tokens())
                .tickets(stores.tickets()).rotationSecret(ROTATION_SECRET).clock(clock);
        customization.accept(builder);
        engine = builder.build();
    }

    /** The standard service: alias support on, the {@link #SCOPES}, the fixture's durations, rotation on refresh. */
    public static Service.Builder serviceBuilder() {
        return Service.builder(SERVICE_ID).scopes(SCOPES).clientIdAliasEnabled(true)
                .accessTokenDuration(ACCESS_TOKEN_DURATION).refreshTokenDuration(REFRESH_TOKEN_DURATION);
    }

    public static Service service() {
        return serviceBuilder().build();
    }

    /** The stores under the engine, for what a test sets up or checks behind its back. */
    public Stores stores() {
        return stores;
    }

    public MutableClock clock() {
        return clock;
    }

    /** The engine's notion of now: the clock truncated to milliseconds. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public FixedClientLookup clients() {
        return clients;
    }

    public TokenEngine engine() {
        return engine;
    }

    public TokenResult process(TokenRequest request) {
        return engine.process(service(), request);
    }

    public TokenResult process(Service service, TokenRequest request) {
        return engine.process(service, request);
    }

    public TokenIssueResult issue(TokenIssueRequest request) {
        return engine.issue(service(), request);
    }

    public TokenIssueResult issue(Service service, TokenIssueRequest request) {
        return engine.issue(service, request);
    }

    public TokenFailResult fail(TokenFailRequest request) {
        return engine.fail(service(), request);
    }

    public TokenFailResult fail(Service service, TokenFailRequest request) {
        return engine.fail(service, request);
    }

    /** The standard service's stored access token with this value, found the way the store finds a presented value. */
    public Optional<AccessTokenRecord> accessToken(String value) {
        return accessToken(SERVICE_ID, value);
    }

    /** The stored access token of {@code serviceId} with this value. */
    public Optional<AccessTokenRecord> accessToken(long serviceId, String value) {
        return stores.tokens().findAccessToken(serviceId, TokenLookup.of(value));
    }

    public Optional<RefreshTokenRecord> refreshToken(String value) {
        return stores.tokens().findRefreshToken(TokenLookup.of(value));
    }

    // ---- request sequences ------------------------------------------------------------------------------

    /** A password grant request of {@link TestClients#BASIC} (Basic credentials) with {@code extra} parameters. */
    public static TokenRequest passwordRequest(String... extra) {
        return basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET, concat(new String[] {
            "grant_type", "password", "username", USERNAME, "password", PASSWORD}, extra));
    }

    /** A refresh request of {@link TestClients#BASIC} for {@code refreshToken} with {@code extra} parameters. */
    public static TokenRequest refreshRequest(String refreshToken, String... extra) {
        return basic(TestClients.BASIC_ID, TestClients.BASIC_SECRET, concat(new String[] {
            "grant_type", "refresh_token", "refresh_token", refreshToken}, extra));
    }

    /** The ticket of a valid password grant request on {@code service}. */
    public String ticket(Service service, String... extra) {
        return EngineAssertions.password(process(service, passwordRequest(extra))).ticket();
    }

    /** The tokens of a password grant for {@link #SUBJECT} on {@code service}, finished with {@code issue}. */
    public Issuance grant(Service service, String... extra) {
        return EngineAssertions.issued(issue(service, issueRequest(ticket(service, extra), SUBJECT))).issuance();
    }

    /** The tokens of a password grant with scopes {@code read write} and resources A and B. */
    public Issuance grant(Service service) {
        return grant(service, "scope", "read write", "resource", RESOURCE_A, "resource", RESOURCE_B);
    }

    public TokenResult refresh(Service service, String refreshToken, String... extra) {
        return process(service, refreshRequest(refreshToken, extra));
    }
}
