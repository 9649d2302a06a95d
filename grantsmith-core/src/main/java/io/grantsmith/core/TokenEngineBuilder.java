package io.grantsmith.core;

import io.grantsmith.core.clientauth.ClientAuthenticator;
import io.grantsmith.core.clientauth.ClientAuthenticators;
import io.grantsmith.core.clientauth.ClientIdentifier;
import io.grantsmith.core.grant.EngineServices;
import io.grantsmith.core.grant.GrantHandler;
import io.grantsmith.core.grant.GrantHandlers;
import io.grantsmith.core.grant.PasswordGrantCompletion;
import io.grantsmith.core.grant.SenderBinding;
import io.grantsmith.core.grant.StandardGrants;
import io.grantsmith.core.grant.TokenIssuance;
import io.grantsmith.core.spi.ClientLookup;
import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.core.spi.TicketStore;
import io.grantsmith.core.spi.TokenStore;
import io.grantsmith.core.token.AccessTokenFormat;
import io.grantsmith.core.token.OpaqueAccessTokens;
import io.grantsmith.core.token.RefreshTokenSuccessors;
import io.grantsmith.core.token.TokenIds;
import io.grantsmith.core.token.TokenValues;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Assembles a {@link TokenEngine} from its ports and settings. */
public final class TokenEngineBuilder {
    /** How long a password-grant ticket waits for {@code /auth/token/issue} or {@code /auth/token/fail}. */
    public static final Duration DEFAULT_TICKET_LIFETIME = Duration.ofMinutes(10);
    /** How long an idempotent service answers a retry with a rotated-away refresh token. */
    public static final Duration DEFAULT_REFRESH_GRACE_PERIOD = Duration.ofSeconds(60);

    private ClientLookup clients;
    private TokenStore tokens;
    private TicketStore tickets;
    private byte[] rotationSecret;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random;
    private Duration ticketLifetime = DEFAULT_TICKET_LIFETIME;
    private Duration refreshGracePeriod = DEFAULT_REFRESH_GRACE_PERIOD;
    private ClientAuthenticators clientAuthenticators = ClientAuthenticators.defaults();
    private AccessTokenFormat accessTokenFormat = OpaqueAccessTokens.INSTANCE;
    private NodeIdSource nodeIds;
    private final List<GrantHandler.Factory> grants = new ArrayList<>(StandardGrants.FACTORIES);

    TokenEngineBuilder() {
    }

    public TokenEngineBuilder clients(ClientLookup value) {
        clients = value;
        return this;
    }

    public TokenEngineBuilder tokens(TokenStore value) {
        tokens = value;
        return this;
    }

    public TokenEngineBuilder tickets(TicketStore value) {
        tickets = value;
        return this;
    }

    /**
     * The server secret (at least 32 bytes) from which rotated refresh tokens are derived. It must stay the same
     * across restarts and be shared by every node, or retries within the grace period cannot be answered.
     */
    public TokenEngineBuilder rotationSecret(byte[] value) {
        rotationSecret = value.clone();
        return this;
    }

    public TokenEngineBuilder clock(Clock value) {
        clock = value;
        return this;
    }

    public TokenEngineBuilder random(SecureRandom value) {
        random = value;
        return this;
    }

    public TokenEngineBuilder ticketLifetime(Duration value) {
        ticketLifetime = requirePositive(value, "ticketLifetime");
        return this;
    }

    public TokenEngineBuilder refreshGracePeriod(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("refreshGracePeriod must not be negative");
        }
        refreshGracePeriod = value;
        return this;
    }

    /**
     * The client authentication methods the engine implements; {@link ClientAuthenticators#defaults()} unless set.
     * Add one with {@code ClientAuthenticators.defaults().with(...)}.
     */
    public TokenEngineBuilder clientAuthenticators(ClientAuthenticators value) {
        clientAuthenticators = Objects.requireNonNull(value, "clientAuthenticators");
        return this;
    }

    /** How access token values are made, for every grant ({@link OpaqueAccessTokens} by default). */
    public TokenEngineBuilder accessTokenFormat(AccessTokenFormat value) {
        accessTokenFormat = Objects.requireNonNull(value, "accessTokenFormat");
        return this;
    }

    /**
     * Where the node bits of token row keys come from: a lease from the database when several nodes share it
     * (without one, a random node ID of this engine's own, which is unique only with luck).
     */
    public TokenEngineBuilder nodeIds(NodeIdSource value) {
        nodeIds = Objects.requireNonNull(value, "nodeIds");
        return this;
    }

    /**
     * The grants the engine serves, replacing those registered so far ({@link StandardGrants#FACTORIES} by
     * default). Each factory makes its handler once, in {@link #build()}; two handlers of one grant type fail it.
     */
    public TokenEngineBuilder grants(Collection<? extends GrantHandler.Factory> factories) {
        grants.clear();
        factories.forEach(this::grant);
        return this;
    }

    /** One more grant (an extension grant, or a built-in one after {@link #grants} removed it). */
    public TokenEngineBuilder grant(GrantHandler.Factory factory) {
        grants.add(Objects.requireNonNull(factory, "factory"));
        return this;
    }

    public TokenEngine build() {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(tickets, "tickets");
        Objects.requireNonNull(rotationSecret, "rotationSecret");
        SecureRandom secureRandom = random != null ? random : new SecureRandom();
        TokenIds keys = nodeIds != null ? new TokenIds(clock, nodeIds) : new TokenIds(clock, secureRandom);
        TokenValues values = new TokenValues(secureRandom, keys);
        TokenIssuance issuance = new TokenIssuance(tokens, values, accessTokenFormat, SenderBinding.NONE);
        EngineServices services = new EngineServices(clients, tokens, tickets, values, issuance,
                new RefreshTokenSuccessors(rotationSecret), ticketLifetime, refreshGracePeriod, clock);
        return new TokenEngine(new ClientIdentifier(clients), new ClientAuthenticator(clientAuthenticators),
                GrantHandlers.create(grants, services), new PasswordGrantCompletion(services), clock, nodeIds);
    }

    private static Duration requirePositive(Duration value, String name) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
