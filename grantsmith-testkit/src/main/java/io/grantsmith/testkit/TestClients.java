package io.grantsmith.testkit;

import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Client;
import java.util.EnumSet;
import java.util.Set;

/**
 * The clients every engine behaviour test can use, one per way of registering a client. All belong to
 * {@link EngineFixture#SERVICE_ID} except {@link #OTHER_SERVICE}. IDs are strings because that is how a client
 * presents them.
 */
public final class TestClients {
    /** The grants of the standard clients: everything the engine implements. */
    public static final Set<GrantType> GRANTS = EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
            GrantType.REFRESH_TOKEN);

    public static final String BASIC_ID = "3001";
    public static final String BASIC_SECRET = "basic-s3cret-value";
    public static final String BASIC_ALIAS = "basic-app";
    /** Confidential, {@code client_secret_basic}, alias enabled. */
    public static final Client BASIC = confidential(3001, ClientAuthMethod.CLIENT_SECRET_BASIC, BASIC_SECRET)
            .alias(BASIC_ALIAS, true).build();

    public static final String POST_ID = "3002";
    public static final String POST_SECRET = "post-s3cret-value";
    public static final String POST_ALIAS = "post-app";
    /** Confidential, {@code client_secret_post}, alias registered but not enabled for the client. */
    public static final Client POST = confidential(3002, ClientAuthMethod.CLIENT_SECRET_POST, POST_SECRET)
            .alias(POST_ALIAS, false).build();

    public static final String PUBLIC_ID = "3003";
    /** Public, {@code none}. */
    public static final Client PUBLIC = Client.builder(EngineFixture.SERVICE_ID, 3003).type(ClientType.PUBLIC)
            .tokenAuthMethod(ClientAuthMethod.NONE).grantTypes(GRANTS).build();

    public static final String LOCKED_ID = "3004";
    public static final Client LOCKED = confidential(3004, ClientAuthMethod.CLIENT_SECRET_BASIC, "locked-secret")
            .locked(true).build();

    public static final String PUBLIC_WITH_SECRET_METHOD_ID = "3005";
    /** Misregistered: public but {@code client_secret_basic}. */
    public static final Client PUBLIC_WITH_SECRET_METHOD = Client.builder(EngineFixture.SERVICE_ID, 3005)
            .type(ClientType.PUBLIC).tokenAuthMethod(ClientAuthMethod.CLIENT_SECRET_BASIC).secret("public-secret")
            .grantTypes(GRANTS).build();

    public static final String CONFIDENTIAL_NONE_ID = "3006";
    /** Misregistered: confidential but {@code none}. */
    public static final Client CONFIDENTIAL_NONE = confidential(3006, ClientAuthMethod.NONE, "none-secret").build();

    public static final String PRIVATE_KEY_JWT_ID = "3007";
    /** A method the engine does not implement yet. */
    public static final Client PRIVATE_KEY_JWT = confidential(3007, ClientAuthMethod.PRIVATE_KEY_JWT, "jwt-secret")
            .build();

    public static final String CLIENT_CREDENTIALS_ONLY_ID = "3008";
    public static final String CLIENT_CREDENTIALS_ONLY_SECRET = "cc-only-secret";
    public static final Client CLIENT_CREDENTIALS_ONLY = confidential(3008, ClientAuthMethod.CLIENT_SECRET_BASIC,
            CLIENT_CREDENTIALS_ONLY_SECRET).grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS)).build();

    public static final String OTHER_SERVICE_ID = "3009";
    public static final String OTHER_SERVICE_SECRET = "other-service-secret";
    /** A {@code client_secret_basic} client of {@link EngineFixture#OTHER_SERVICE_ID}. */
    public static final Client OTHER_SERVICE = Client.builder(EngineFixture.OTHER_SERVICE_ID, 3009)
            .secret(OTHER_SERVICE_SECRET).grantTypes(GRANTS).build();

    public static final String SECOND_BASIC_ID = "3010";
    public static final String SECOND_BASIC_SECRET = "second-s3cret-value";
    /** Another ordinary client, for "token of another client" cases. */
    public static final Client SECOND_BASIC = confidential(3010, ClientAuthMethod.CLIENT_SECRET_BASIC,
            SECOND_BASIC_SECRET).build();

    private TestClients() {
    }

    /** A confidential client of the fixture's service with every implemented grant. */
    public static Client.Builder confidential(long id, ClientAuthMethod method, String secret) {
        return Client.builder(EngineFixture.SERVICE_ID, id).tokenAuthMethod(method).secret(secret).grantTypes(GRANTS);
    }

    static void registerAll(FixedClientLookup lookup) {
        for (Client client : new Client[] {BASIC, POST, PUBLIC, LOCKED, PUBLIC_WITH_SECRET_METHOD, CONFIDENTIAL_NONE,
                PRIVATE_KEY_JWT, CLIENT_CREDENTIALS_ONLY, OTHER_SERVICE, SECOND_BASIC}) {
            lookup.add(client);
        }
    }
}
