package io.grantsmith.facade;

import io.grantsmith.core.TokenEngine;
import io.grantsmith.core.TokenEngineBuilder;
import io.grantsmith.core.authorization.AuthorizationFlow;
import io.grantsmith.core.grant.AuthorizationCodeGrantHandler;
import io.grantsmith.core.grant.IssuerCodeGrantIdTokens;
import io.grantsmith.core.jose.JwtSigner;
import io.grantsmith.core.jose.JwtVerifier;
import io.grantsmith.core.idtoken.IdTokenIssuer;
import io.grantsmith.core.idtoken.IdTokenMinter;
import io.grantsmith.core.idtoken.IdTokenReissuer;
import io.grantsmith.core.idtoken.PairwiseSubjects;
import io.grantsmith.core.userinfo.UserInfoTokens;
import io.grantsmith.facade.access.AdminToken;
import io.grantsmith.facade.access.ApiAccess;
import io.grantsmith.facade.authorization.AuthorizationApi;
import io.grantsmith.facade.authorization.AuthorizationResponses;
import io.grantsmith.facade.discovery.Discovery;
import io.grantsmith.facade.discovery.PublicUrl;
import io.grantsmith.facade.json.JacksonJsonReader;
import io.grantsmith.facade.json.ResponseContent;
import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.facade.limits.IssuanceBuckets;
import io.grantsmith.facade.login.AuthorizationBackend;
import io.grantsmith.facade.login.LogoutBackend;
import io.grantsmith.facade.login.LoginSeal;
import io.grantsmith.facade.limits.IssuanceRate;
import io.grantsmith.facade.manage.ClientManagement;
import io.grantsmith.facade.manage.Directory;
import io.grantsmith.facade.manage.Ids;
import io.grantsmith.facade.manage.KeyManagement;
import io.grantsmith.facade.manage.OtherNodesChanges;
import io.grantsmith.facade.manage.ServiceManagement;
import io.grantsmith.facade.nodes.NodeLease;
import io.grantsmith.facade.token.TokenApi;
import io.grantsmith.facade.token.TokenResponses;
import io.grantsmith.facade.userinfo.UserInfoApi;
import io.grantsmith.facade.introspection.IntrospectionApi;
import io.grantsmith.core.clientauth.ClientAuthenticator;
import io.grantsmith.core.clientauth.ClientAuthenticators;
import io.grantsmith.core.clientauth.ClientIdentifier;
import io.grantsmith.core.introspection.AccessTokenIntrospector;
import io.grantsmith.core.introspection.StandardIntrospector;
import io.grantsmith.core.introspection.IntrospectorAuthentication;
import io.grantsmith.core.clientauth.EndpointClientAuthentication;
import io.grantsmith.core.revocation.TokenRevoker;
import io.grantsmith.facade.users.DirectoryClaims;
import io.grantsmith.facade.users.PasswordHasher;
import io.grantsmith.facade.users.PasswordLimits;
import io.grantsmith.facade.users.UserDirectory;
import io.grantsmith.facade.users.UserManagement;
import io.grantsmith.jose.JwkGenerator;
import io.grantsmith.jose.JoseProvider;
import io.grantsmith.jose.ServiceKeyRing;
import io.grantsmith.jose.SigningKeyGenerator;
import io.grantsmith.registry.StoreStatistic;
import io.grantsmith.registry.Stores;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Grantsmith without HTTP: the token API, service, client and key management and the user directory over one
 * store. The HTTP server is a thin edge over this; Java applications can embed it directly.
 *
 * <pre>{@code
 * try (Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores()).build()) {
 *     ObjectNode service = grantsmith.services().create(json);
 *     TokenResponse response = grantsmith.tokens().token(serviceId, tokenRequest);
 * }
 * }</pre>
 */
public final class Grantsmith implements AutoCloseable {
    private final Stores stores;
    private final TokenApi tokens;
    private final AuthorizationApi authorizations;
    private final ServiceManagement services;
    private final ClientManagement clients;
    private final UserDirectory users;
    private final UserManagement userManagement;
    private final IdTokenIssuer idTokens;
    private final UserInfoApi userInfo;
    private final IntrospectionApi introspection;
    private final ApiAccess access;
    private final AdminToken adminToken;
    private final Ids ids;
    private final ServiceKeyRing keyRing;
    private final KeyManagement keyManagement;
    private final Janitor janitor;
    private final PublicUrl publicUrl;
    private final Directory directory;
    private final Discovery discovery;
    private final AuthorizationBackend authorizationBackend;
    private final LogoutBackend logoutBackend;
    private final NodeLease nodeLease;

    private Grantsmith(Builder builder) {
        this.stores = Objects.requireNonNull(builder.stores, "stores");
        this.nodeLease = NodeLease.start(stores.nodeLeases(), builder.clock, builder.nodeLeaseTtl);
        try {
            SecureRandom random = builder.random != null ? builder.random : new SecureRandom();
            KeyMaterial keys = builder.keys != null ? builder.keys : KeyMaterial.random(random);
            this.ids = new Ids(random);
            IssuanceBuckets issuance = new IssuanceBuckets(builder.issuanceRate,
                    builder.cacheTtl.multipliedBy(2).plusMinutes(1));
            this.publicUrl = builder.publicUrl != null ? PublicUrl.configured(builder.publicUrl)
                    : PublicUrl.fromListener();
            this.directory = new Directory(stores.services(), stores.clients(), builder.cacheTtl,
                    issuance::forService, publicUrl::builtInIssuer);
            // the native provider's load and self-test go on meanwhile: the first use of a key waits for them
            this.keyRing = new ServiceKeyRing(stores.keys(), builder.clock, builder.cacheTtl,
                    builder.joseSelection != null ? builder.joseSelection
                            : JoseProvider.selecting(builder.joseProvider));
            PairwiseSubjects pairwise = new PairwiseSubjects(keys.pairwiseSecret());
            DirectoryClaims userClaims = new DirectoryClaims(stores.users());
            this.idTokens = new IdTokenIssuer(new IdTokenMinter(keyRing, pairwise, builder.clock), userClaims);
            TokenEngine engine = TokenEngine.builder()
                    .clients(directory)
                    .tokens(stores.tokens())
                    .tickets(stores.tickets())
                    .rotationSecret(keys.rotationSecret())
                    .clock(builder.clock)
                    .random(random)
                    .nodeIds(nodeLease)
                    .ticketLifetime(builder.ticketLifetime)
                    .refreshGracePeriod(builder.refreshGracePeriod)
                    .clientAuthenticators(builder.clientAuthenticators)
                    .grant(AuthorizationCodeGrantHandler.factory(stores.authorizationCodes(),
                            new IssuerCodeGrantIdTokens(idTokens, new JacksonJsonReader())))
                    .build();
            ResponseContent responseContent = new ResponseContent(builder.errorUriBase);
            this.tokens = new TokenApi(directory, engine, new TokenResponses(responseContent),
                    new IdTokenReissuer(stores.tokens(), directory, idTokens, new JacksonJsonReader(), builder.clock));
            this.authorizations = new AuthorizationApi(directory, new AuthorizationFlow(directory,
                    stores.authorizationTickets(), stores.authorizationCodes(), new JacksonJsonReader(), random,
                    builder.clock, builder.authorizationTicketLifetime, nodeLease),
                    new AuthorizationResponses(responseContent));
            this.adminToken = AdminToken.resolve(stores.settings(), builder.adminToken, ids);
            this.access = new ApiAccess(stores.services(), stores.settings(), adminToken.configured(),
                    builder.credentialRecheck);
            stores.directoryChanges().subscribe(new OtherNodesChanges(directory, keyRing, access));
            this.keyManagement = new KeyManagement(stores.services(), directory, stores.keys(), keyRing,
                    builder.keyGenerator != null ? builder.keyGenerator
                            : new JwkGenerator(random, keyRing.joseProviderSelection()), builder.clock,
                    builder.retiredKeyPublication);
            this.discovery = new Discovery(directory, keyRing, publicUrl);
            this.services = new ServiceManagement(stores.services(), directory, access, ids, builder.clock,
                    keyManagement);
            this.clients = new ClientManagement(stores.services(), stores.clients(), directory, ids, builder.clock,
                    builder.maxClientsPerService);
            // the hasher keeps Argon2id's memory for as many hashes as may be verified at once (see PasswordHasher)
            this.users = new UserDirectory(stores.services(), stores.users(),
                    new PasswordHasher(random, builder.passwordLimits.effectiveVerifications()), builder.clock,
                    builder.passwordLimits).forgettingConsentsIn(stores.consents());
            this.userManagement = new UserManagement(users);
            this.userInfo = new UserInfoApi(directory, new UserInfoTokens(stores.tokens(), directory,
                    new JacksonJsonReader(), builder.clock),
                    pairwise, keyRing, userClaims, builder.errorUriBase, builder.clock);
            // revocation and introspection authenticate clients with the same methods as the token endpoint
            EndpointClientAuthentication endpointClients = new EndpointClientAuthentication(
                    new ClientIdentifier(directory), new ClientAuthenticator(builder.clientAuthenticators));
            this.introspection = new IntrospectionApi(directory,
                    new AccessTokenIntrospector(stores.tokens(), directory, builder.clock),
                    new StandardIntrospector(stores.tokens(), directory, builder.clock),
                    new IntrospectorAuthentication(endpointClients),
                    new TokenRevoker(stores.tokens(), endpointClients), responseContent);

            LoginSeal loginSeal = new LoginSeal(keys.loginSealingKey(), keys.loginCsrfKey(), random);
            this.authorizationBackend = new AuthorizationBackend(authorizations, users, keyRing, loginSeal,
                    builder.clock, builder.sessionLifetime, builder.authorizationTicketLifetime, stores.consents());
            this.logoutBackend = new LogoutBackend(directory, keyRing, loginSeal, builder.clock);
            this.janitor = builder.housekeepingInterval == null ? null
                    : new Janitor(stores.housekeeping(), stores.keys(), builder.clock, builder.housekeepingInterval);
        } catch (RuntimeException | Error e) {
            // a setting refused or a store that fails while the rest is built: the lease's renewal thread must not
            // outlive this half-made instance (it would renew against a store its caller closes)
            nodeLease.close();
            throw e;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public TokenApi tokens() {
        return tokens;
    }

    /** Authlete's authorization API: {@code /auth/authorization} and its {@code /issue} and {@code /fail}. */
    public AuthorizationApi authorizations() {
        return authorizations;
    }

    /**
     * The built-in authorization server's {@code /authorize} without HTTP: the login and consent page's logic, its
     * browser sessions and CSRF protection.
     */
    public AuthorizationBackend authorizationBackend() {
        return authorizationBackend;
    }

    /** The built-in authorization server's {@code /logout} (RP-Initiated Logout) without HTTP. */
    public LogoutBackend logoutBackend() {
        return logoutBackend;
    }

    public ServiceManagement services() {
        return services;
    }

    public ClientManagement clients() {
        return clients;
    }

    public UserDirectory users() {
        return users;
    }

    /** Authlete's {@code /auth/userinfo} and {@code /auth/userinfo/issue}. */
    public UserInfoApi userInfo() {
        return userInfo;
    }

    /** The built-in users over the management API (JSON documents). */
    /** {@code /auth/introspection}, {@code /auth/introspection/standard} and {@code /auth/revocation}. */
    public IntrospectionApi introspection() {
        return introspection;
    }

    public UserManagement userManagement() {
        return userManagement;
    }

    /**
     * Issues ID tokens signed with the services' current keys, with the built-in users' claims (see
     * {@link IdTokenIssuer} for how a grant handler calls it).
     */
    public IdTokenIssuer idTokens() {
        return idTokens;
    }

    /** Services' signing keys: the JWK Set endpoints, the key list and rotation. */
    public KeyManagement keys() {
        return keyManagement;
    }

    /** Signs JWTs with the services' current keys (parsed once, cached; see {@link ServiceKeyRing}). */
    public JwtSigner jwtSigner() {
        return keyRing;
    }

    /** Verifies JWTs the services signed, such as an {@code id_token_hint}. */
    public JwtVerifier jwtVerifier() {
        return keyRing;
    }

    public ApiAccess access() {
        return access;
    }

    /**
     * The engine's cached view of services and clients: {@code directory().findService(id)} is a service's model,
     * whose {@code authorization().issuer()} is its effective issuer.
     */
    public Directory directory() {
        return directory;
    }

    /** Services' discovery documents: Authlete's {@code /service/configuration} and the built-in server's. */
    public Discovery discovery() {
        return discovery;
    }

    /**
     * The base URL clients reach this server at: the built-in authorization server's issuers are
     * {@code <public-url>/as/<serviceId>} ({@link PublicUrl#builtInIssuer}), and so is the issuer of every service
     * whose document names none ({@code service.authorization().issuer()} is that effective issuer).
     */
    public PublicUrl publicUrl() {
        return publicUrl;
    }

    /**
     * Reports the URL the HTTP listener is reachable at once it is bound (with the real port when it was started on
     * port 0). It becomes the public URL unless one is configured; services are then read again, so that their
     * issuers follow.
     *
     * @throws IllegalArgumentException when the URL is not an absolute http or https URL
     */
    public void listening(String listenerUrl) {
        if (publicUrl.listening(listenerUrl)) {
            directory.servicesChanged();
        }
    }

    /** The admin token, if this start generated it; it is shown now and never again. */
    public Optional<String> generatedAdminToken() {
        return adminToken.generated();
    }

    /**
     * Replaces the stored admin token with a new one and returns it. The old one is refused at once here and, by a
     * server running over the same store, within {@link Builder#credentialRecheck}; a configured token
     * ({@code GRANTSMITH_ADMIN_TOKEN}) takes precedence over it.
     */
    public String resetAdminToken() {
        String token = AdminToken.replace(stores.settings(), ids);
        access.adminTokenChanged();
        return token;
    }

    /** Whether the store can serve and this node holds a node ID lease it may mint token keys with. */
    public boolean isHealthy() {
        return stores.isHealthy() && nodeLease.isValid();
    }

    /** This node's lease of the node ID in its token row keys. */
    public NodeLease nodeLease() {
        return nodeLease;
    }

    /**
     * Which provider signs and verifies the services' RSA and ECDSA tokens (setting jose-provider); waits for its
     * selection, which a start does not wait for, if it is not made yet.
     */
    public JoseProvider joseProvider() {
        return keyRing.joseProvider();
    }

    /** {@link #joseProvider()}'s selection, complete once it is made. */
    public CompletionStage<JoseProvider> joseProviderSelection() {
        return keyRing.joseProviderSelection();
    }

    /** Live figures of the store's machinery, for monitoring. */
    public List<StoreStatistic> storeStatistics() {
        return stores.statistics();
    }

    /** Stops background work and closes the store. */
    @Override
    public void close() {
        if (janitor != null) {
            janitor.close();
        }
        nodeLease.close();
        stores.close();
    }

    /** Settings for {@link Grantsmith}; only {@link #stores} is required. */
    public static final class Builder {
        /** Where {@code error_uri} points: Authlete's documentation, since result codes follow Authlete's. */
        public static final String DEFAULT_ERROR_URI_BASE = "https://docs.authlete.com/#";
        public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
        /**
         * Per service: far above what one node issues (about 10,000 per second on two cores), so that it binds only
         * when lowered.
         */
        public static final IssuanceRate DEFAULT_ISSUANCE_RATE = IssuanceRate.perSecond(50_000);
        /** Authlete's default ID token lifetime: a retired key is published at least that long. */
        public static final Duration DEFAULT_RETIRED_KEY_PUBLICATION = Duration.ofDays(1);
        /** How long API credentials are trusted before they are read from the store again. */
        public static final Duration DEFAULT_CREDENTIAL_RECHECK = Duration.ofSeconds(2);

        private Stores stores;
        private KeyMaterial keys;
        private String adminToken;
        private Clock clock = Clock.systemUTC();
        private SecureRandom random;
        private String errorUriBase = DEFAULT_ERROR_URI_BASE;
        private Duration cacheTtl = DEFAULT_CACHE_TTL;
        private JoseProvider.Mode joseProvider = JoseProvider.Mode.AUTO;
        private CompletableFuture<JoseProvider> joseSelection;
        private Duration credentialRecheck = DEFAULT_CREDENTIAL_RECHECK;
        private Duration ticketLifetime = TokenEngineBuilder.DEFAULT_TICKET_LIFETIME;
        private Duration authorizationTicketLifetime = AuthorizationFlow.DEFAULT_TICKET_LIFETIME;
        private Duration refreshGracePeriod = TokenEngineBuilder.DEFAULT_REFRESH_GRACE_PERIOD;
        private Duration housekeepingInterval;
        private PasswordLimits passwordLimits = PasswordLimits.DEFAULTS;
        private IssuanceRate issuanceRate = DEFAULT_ISSUANCE_RATE;
        private int maxClientsPerService = ClientManagement.DEFAULT_MAX_CLIENTS_PER_SERVICE;
        private SigningKeyGenerator keyGenerator;
        private Duration retiredKeyPublication = DEFAULT_RETIRED_KEY_PUBLICATION;
        private String publicUrl;
        private Duration sessionLifetime = AuthorizationBackend.DEFAULT_SESSION_LIFETIME;
        private ClientAuthenticators clientAuthenticators = ClientAuthenticators.defaults();
        private Duration nodeLeaseTtl = NodeLease.DEFAULT_TTL;

        private Builder() {
        }

        /**
         * The base URL clients use to reach this server, e.g. {@code https://login.example.com}; without one, the
         * HTTP listener's URL once it is bound ({@link Grantsmith#listening}).
         *
         * @throws IllegalArgumentException when it is not an absolute http or https URL without user information,
         *                                  query and fragment
         */
        public Builder publicUrl(String value) {
            publicUrl = value == null ? null : PublicUrl.normalize(value);
            return this;
        }

        public Builder stores(Stores value) {
            stores = value;
            return this;
        }

        /** The master key; without one, a random key is used and rotated refresh tokens cannot be retried after a restart. */
        public Builder keys(KeyMaterial value) {
            keys = value;
            return this;
        }

        /**
         * The admin token to accept, at least 32 characters; without one, a token is generated on first use and its
         * hash stored.
         */
        public Builder adminToken(String value) {
            adminToken = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder random(SecureRandom value) {
            random = value;
            return this;
        }

        public Builder errorUriBase(String value) {
            errorUriBase = value;
            return this;
        }

        /** How long service and client settings are cached before changes made elsewhere become visible. */
        public Builder cacheTtl(Duration value) {
            cacheTtl = value;
            return this;
        }

        /**
         * Which JCA provider signs and verifies with the services' RSA and EC keys: {@code AUTO} (the default) the
         * native Amazon Corretto Crypto Provider where it loads and passes its self-test, {@code JDK} the JDK's.
         */
        public Builder joseProvider(JoseProvider.Mode value) {
            joseProvider = Objects.requireNonNull(value, "joseProvider");
            return this;
        }

        /** For tests: the provider selection itself (instead of {@link #joseProvider}'s), e.g. one not made yet. */
        Builder joseProviderSelection(CompletableFuture<JoseProvider> value) {
            joseSelection = Objects.requireNonNull(value, "joseProviderSelection");
            return this;
        }

        /**
         * How long the admin token's and the API secrets' hashes are trusted before they are read again, so that a
         * reset or rotation made by another process over the same store takes effect within it.
         */
        public Builder credentialRecheck(Duration value) {
            credentialRecheck = value;
            return this;
        }

        public Builder ticketLifetime(Duration value) {
            ticketLifetime = value;
            return this;
        }

        /**
         * How long an authorization ticket from {@code /auth/authorization} waits for {@code /issue} or
         * {@code /fail}: the time a user has to log in and consent (default 10 minutes).
         */
        public Builder authorizationTicketLifetime(Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("authorizationTicketLifetime must be positive");
            }
            authorizationTicketLifetime = value;
            return this;
        }

        /**
         * How long a browser session of the built-in authorization server lasts after the user logged in (default
         * 8 hours): within it, later authorization requests need no login.
         */
        public Builder sessionLifetime(Duration value) {
            if (value == null || value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("sessionLifetime must be positive");
            }
            sessionLifetime = value;
            return this;
        }

        public Builder refreshGracePeriod(Duration value) {
            refreshGracePeriod = value;
            return this;
        }

        /** Purge expired rows at this interval in the background; null (the default) for never. */
        public Builder housekeepingInterval(Duration value) {
            housekeepingInterval = value;
            return this;
        }

        /** Bounds on password verification at the built-in authorization server (see {@link PasswordLimits}). */
        public Builder passwordLimits(PasswordLimits value) {
            passwordLimits = Objects.requireNonNull(value, "passwordLimits");
            return this;
        }

        /** Where new signing keys come from; by default they are generated ({@link JwkGenerator}). */
        public Builder keyGenerator(SigningKeyGenerator value) {
            keyGenerator = value;
            return this;
        }

        /**
         * How fast each service may have tokens issued; {@link IssuanceRate#UNLIMITED} for no limit. Token requests
         * beyond it are answered with HTTP 429 and are not processed.
         */
        public Builder issuanceRate(IssuanceRate value) {
            issuanceRate = Objects.requireNonNull(value, "issuanceRate");
            return this;
        }

        /** How many clients one service may have. */
        public Builder maxClientsPerService(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxClientsPerService must be positive");
            }
            maxClientsPerService = value;
            return this;
        }

        /**
         * How long a key retired by a rotation stays published at least (default one day); a service's
         * {@code idTokenDuration}, and its {@code accessTokenDuration} when it signs access tokens, lengthen it.
         */
        public Builder retiredKeyPublication(Duration value) {
            if (value == null || value.isNegative()) {
                throw new IllegalArgumentException("retiredKeyPublication must not be negative");
            }
            retiredKeyPublication = value;
            return this;
        }

        /**
         * The client authentication methods of the token, revocation and introspection endpoints (default
         * {@link ClientAuthenticators#defaults()}: {@code client_secret_basic}, {@code client_secret_post},
         * {@code none}). Add one with {@code ClientAuthenticators.defaults().with(...)}; a client registered with a
         * method that has no authenticator here is refused ({@code A157344}).
         */
        public Builder clientAuthenticators(ClientAuthenticators value) {
            clientAuthenticators = Objects.requireNonNull(value, "clientAuthenticators");
            return this;
        }

        /**
         * How long this node's lease of its node ID runs in the database (default 60 s; see {@link NodeLease}): it is
         * renewed every sixth of it, and the node stops minting tokens when it could not renew for two thirds of it.
         * Nodes' clocks must agree within a third of it.
         */
        public Builder nodeLeaseTtl(Duration value) {
            if (value == null || value.toMillis() < 6) {
                throw new IllegalArgumentException("nodeLeaseTtl must be at least 6 ms");
            }
            nodeLeaseTtl = value;
            return this;
        }

        public Grantsmith build() {
            return new Grantsmith(this);
        }
    }
}
