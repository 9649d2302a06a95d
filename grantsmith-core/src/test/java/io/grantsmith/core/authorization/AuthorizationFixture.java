package io.grantsmith.core.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.types.ApplicationType;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ClientMetadata;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.ClientLookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A service, its clients and the helpers the authorization tests share. */
final class AuthorizationFixture {
    static final long SERVICE_ID = 1001;
    static final String ISSUER = "https://as.example.com";
    static final String ACR_PWD = "urn:example:acr:pwd";
    static final String ACR_MFA = "urn:example:acr:mfa";
    /** A valid S256 challenge (RFC 7636 Appendix B). */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** The grants every fixture client may use: the code flow's. */
    static final java.util.Set<GrantType> CODE_GRANTS = EnumSet.of(GrantType.AUTHORIZATION_CODE,
            GrantType.REFRESH_TOKEN);

    static final String WEB_ID = "3001";
    static final String WEB_ALIAS = "web-app";
    static final String WEB_REDIRECT = "https://client.example.com/cb";
    /** Confidential web client with one redirect URI and an enabled alias. */
    static final Client WEB = confidential(3001, ClientMetadata.builder().clientName("Web")
            .redirectUris(List.of(WEB_REDIRECT))).alias(WEB_ALIAS, true).build();

    static final String MULTI_ID = "3002";
    static final String MULTI_REDIRECT_A = "https://multi.example.com/a";
    static final String MULTI_REDIRECT_B = "https://multi.example.com/b?tenant=1";
    static final Client MULTI = confidential(3002, ClientMetadata.builder()
            .redirectUris(List.of(MULTI_REDIRECT_A, MULTI_REDIRECT_B))).build();

    static final String NATIVE_ID = "3003";
    /** Public native app with loopback redirect URIs of both IP versions and localhost, and a private scheme. */
    static final Client NATIVE = Client.builder(SERVICE_ID, 3003).grantTypes(CODE_GRANTS).type(ClientType.PUBLIC)
            .tokenAuthMethod(ClientAuthMethod.NONE).metadata(ClientMetadata.builder()
                    .applicationType(ApplicationType.NATIVE)
                    .redirectUris(List.of("http://127.0.0.1/callback", "http://[::1]/callback",
                            "http://localhost/callback", "com.example.app:/oauth2redirect")).build()).build();

    static final String SPA_ID = "3004";
    static final String SPA_LOOPBACK = "http://127.0.0.1:8080/cb";
    /** Public web client (a single-page app) that registered a loopback URI for development. */
    static final Client SPA = Client.builder(SERVICE_ID, 3004).grantTypes(CODE_GRANTS).type(ClientType.PUBLIC)
            .tokenAuthMethod(ClientAuthMethod.NONE).metadata(ClientMetadata.builder()
                    .redirectUris(List.of("https://spa.example.com/cb", SPA_LOOPBACK)).build()).build();

    static final String LOCKED_ID = "3005";
    static final Client LOCKED = confidential(3005, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT)))
            .locked(true).build();

    static final String UNREGISTERED_CONFIDENTIAL_ID = "3006";
    static final Client UNREGISTERED_CONFIDENTIAL = confidential(3006, ClientMetadata.builder()).build();

    static final String UNREGISTERED_PUBLIC_ID = "3007";
    static final Client UNREGISTERED_PUBLIC = Client.builder(SERVICE_ID, 3007).grantTypes(CODE_GRANTS).type(ClientType.PUBLIC)
            .tokenAuthMethod(ClientAuthMethod.NONE).build();

    static final String ALIAS_DISABLED_ALIAS = "disabled-alias";
    static final Client ALIAS_DISABLED = confidential(3008, ClientMetadata.builder()
            .redirectUris(List.of(WEB_REDIRECT))).alias(ALIAS_DISABLED_ALIAS, false).build();

    static final String S256_ID = "3009";
    /** Requires PKCE with S256 on its own, whatever the service says. */
    static final Client S256 = confidential(3009, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT))
            .pkceRequired(true).pkceS256Required(true)).build();

    static final String HYBRID_ID = "3010";
    /** Registered for the implicit and hybrid response types too. */
    static final Client HYBRID = confidential(3010, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT))
            .responseTypes(EnumSet.allOf(ResponseType.class))).build();

    static final String DEFAULTS_ID = "3011";
    /** Registered a default max age and default ACRs. */
    static final Client DEFAULTS = confidential(3011, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT))
            .defaultMaxAge(3600).defaultAcrs(List.of(ACR_PWD))).build();

    static final String FORM_ONLY_ID = "3012";
    static final Client FORM_ONLY = confidential(3012, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT))
            .responseModes(EnumSet.of(ResponseMode.FORM_POST))).build();

    static final String OTHER_SERVICE_ID = "3013";
    static final Client OTHER_SERVICE = Client.builder(1002, 3013).grantTypes(CODE_GRANTS).secret("s").metadata(ClientMetadata.builder()
            .redirectUris(List.of(WEB_REDIRECT)).build()).build();

    static final String READ_ONLY_ID = "3014";
    /** May request only {@code openid} and {@code read}. */
    static final Client READ_ONLY = confidential(3014, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT)))
            .requestableScopes(java.util.Set.of("openid", "read")).build();

    static final String PAR_ID = "3015";
    static final Client PAR = confidential(3015, ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT))
            .parRequired(true)).build();

    static final String NO_CODE_GRANT_ID = "3016";
    /** Registered for {@code response_type=code} but not for the grant that redeems the code. */
    static final Client NO_CODE_GRANT = Client.builder(SERVICE_ID, 3016).secret("secret-3016")
            .grantTypes(EnumSet.of(GrantType.CLIENT_CREDENTIALS))
            .metadata(ClientMetadata.builder().redirectUris(List.of(WEB_REDIRECT)).build()).build();

    private AuthorizationFixture() {
    }

    static AuthorizationSettings.Builder settings() {
        return AuthorizationSettings.builder().issuer(ISSUER).acrs(List.of(ACR_PWD, ACR_MFA))
                .uiLocales(List.of("en", "fr-CA")).responseTypes(EnumSet.allOf(ResponseType.class));
    }

    /** The service every test starts from: OpenID Connect scopes, two ACRs, aliases enabled. */
    static Service service() {
        return service(UnaryOperator.identity());
    }

    static Service service(UnaryOperator<AuthorizationSettings.Builder> customize) {
        return serviceBuilder(customize).build();
    }

    static Service.Builder serviceBuilder(UnaryOperator<AuthorizationSettings.Builder> customize) {
        return Service.builder(SERVICE_ID).clientIdAliasEnabled(true).grantTypes(CODE_GRANTS)
                .scopes(ScopeCatalog.of(List.of(new ScopeDefinition("openid", false, Map.of()),
                        new ScopeDefinition("profile", false, Map.of()),
                        new ScopeDefinition("email", false, Map.of()),
                        new ScopeDefinition("address", false, Map.of()),
                        new ScopeDefinition("phone", false, Map.of()),
                        new ScopeDefinition("offline_access", false, Map.of()),
                        new ScopeDefinition("read", true, Map.of()),
                        new ScopeDefinition("write", false, Map.of()))))
                .authorization(customize.apply(settings()).build());
    }

    static AuthorizationRequestValidator validator() {
        return new AuthorizationRequestValidator(clients(), new TestJsonReader());
    }

    static ClientLookup clients() {
        Map<Long, Client> byId = new HashMap<>();
        for (Client client : List.of(WEB, MULTI, NATIVE, SPA, LOCKED, UNREGISTERED_CONFIDENTIAL, UNREGISTERED_PUBLIC,
                ALIAS_DISABLED, S256, HYBRID, DEFAULTS, FORM_ONLY, OTHER_SERVICE, READ_ONLY, PAR, NO_CODE_GRANT)) {
            byId.put(client.id(), client);
        }
        return new ClientLookup() {
            @Override
            public Optional<Client> findClient(long serviceId, long clientId) {
                return Optional.ofNullable(byId.get(clientId)).filter(client -> client.serviceId() == serviceId);
            }

            @Override
            public Optional<Client> findClientByAlias(long serviceId, String alias) {
                return byId.values().stream()
                        .filter(client -> client.serviceId() == serviceId && Objects.equals(alias, client.alias()))
                        .findFirst();
            }
        };
    }

    /** A form-encoded query from name-value pairs; a null value adds the name without a value. */
    static String query(String... namesAndValues) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            pairs.add(encode(namesAndValues[i]) + (value == null ? "" : "=" + encode(value)));
        }
        return String.join("&", pairs);
    }

    /** The minimal valid request of {@link #WEB}, followed by {@code extra} pairs. */
    static String webQuery(String... extra) {
        List<String> pairs = new ArrayList<>(List.of("response_type", "code", "client_id", WEB_ID));
        pairs.addAll(List.of(extra));
        return query(pairs.toArray(String[]::new));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static AuthorizationResult.Valid valid(AuthorizationResult result) {
        assertThat(result).as("%s", describe(result)).isInstanceOf(AuthorizationResult.Valid.class);
        return (AuthorizationResult.Valid) result;
    }

    static AuthorizationResult.BadRequest badRequest(AuthorizationResult result, ResultCode code) {
        assertThat(result).as("%s", describe(result)).isInstanceOf(AuthorizationResult.BadRequest.class);
        AuthorizationResult.BadRequest refusal = (AuthorizationResult.BadRequest) result;
        assertThat(refusal.error().result().code()).isEqualTo(code);
        assertThat(refusal.action()).isEqualTo(AuthorizationAction.BAD_REQUEST);
        return refusal;
    }

    static AuthorizationResult.ErrorRedirect redirected(AuthorizationResult result, OAuthErrorCode error,
            ResultCode code) {
        assertThat(result).as("%s", describe(result)).isInstanceOf(AuthorizationResult.ErrorRedirect.class);
        AuthorizationResult.ErrorRedirect refusal = (AuthorizationResult.ErrorRedirect) result;
        assertThat(refusal.error().result().code()).isEqualTo(code);
        assertThat(refusal.error().error()).isEqualTo(error);
        return refusal;
    }

    static String describe(AuthorizationResult result) {
        if (result instanceof AuthorizationResult.BadRequest refusal) {
            return "BadRequest " + refusal.error().result();
        }
        if (result instanceof AuthorizationResult.ErrorRedirect refusal) {
            return "ErrorRedirect " + refusal.error().result();
        }
        if (result instanceof AuthorizationResult.InternalServerError failure) {
            return "InternalServerError " + failure.error().result();
        }
        return result.toString();
    }

    private static Client.Builder confidential(long id, ClientMetadata.Builder metadata) {
        return Client.builder(SERVICE_ID, id).grantTypes(CODE_GRANTS).secret("secret-" + id).metadata(metadata.build());
    }
}
