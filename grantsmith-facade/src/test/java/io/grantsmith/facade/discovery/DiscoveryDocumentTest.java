package io.grantsmith.facade.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.Service;
import io.grantsmith.facade.manage.DiscoverySettings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DiscoveryDocumentTest {
    private static final String ISSUER = "https://login.example.com/as/7";
    private static final ProviderEndpoints BUILT_IN = ProviderEndpoints.builtIn("https://login.example.com", 7);

    private static Service service(UnaryOperator<Service.Builder> service, UnaryOperator<AuthorizationSettings.Builder> authorization) {
        return service.apply(Service.builder(7).scopes(ScopeCatalog.of("openid", "read"))
                .authorization(authorization.apply(AuthorizationSettings.builder().issuer(ISSUER)).build())).build();
    }

    private static ObjectNode document(Service service) {
        return document(service, DiscoverySettings.NONE, Set.of(SigningAlgorithm.RS256));
    }

    private static ObjectNode document(Service service, DiscoverySettings settings, Set<SigningAlgorithm> algorithms) {
        return DiscoveryDocument.build(service, settings, algorithms, BUILT_IN);
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("an array: %s", array).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }

    @Test
    void whenServiceSaysNothingThenTheDocumentAdvertisesExactlyWhatIsImplemented() {
        ObjectNode document = document(service(UnaryOperator.identity(), UnaryOperator.identity()));

        assertThat(document.get("issuer").asText()).isEqualTo(ISSUER);
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo(ISSUER + "/authorize");
        assertThat(document.get("token_endpoint").asText()).isEqualTo(ISSUER + "/token");
        assertThat(document.get("userinfo_endpoint").asText()).isEqualTo(ISSUER + "/userinfo");
        assertThat(document.get("jwks_uri").asText()).isEqualTo(ISSUER + "/jwks");
        assertThat(document.get("introspection_endpoint").asText()).isEqualTo(ISSUER + "/introspect");
        assertThat(document.get("revocation_endpoint").asText()).isEqualTo(ISSUER + "/revoke");
        assertThat(texts(document.get("scopes_supported"))).containsExactly("openid", "read");
        assertThat(texts(document.get("response_types_supported"))).containsExactly("code");
        assertThat(texts(document.get("response_modes_supported"))).containsExactly("query", "fragment", "form_post");
        // the builder's default grant types: client_credentials, password, refresh_token
        assertThat(texts(document.get("grant_types_supported")))
                .containsExactly("refresh_token", "client_credentials", "password");
        assertThat(texts(document.get("subject_types_supported"))).containsExactly("public", "pairwise");
        assertThat(texts(document.get("id_token_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(texts(document.get("userinfo_signing_alg_values_supported"))).containsExactly("RS256");
        assertThat(texts(document.get("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(texts(document.get("introspection_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post");
        assertThat(texts(document.get("revocation_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic", "client_secret_post", "none");
        assertThat(texts(document.get("code_challenge_methods_supported"))).containsExactly("S256", "plain");
        assertThat(texts(document.get("claims_supported")))
                .containsExactly("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "email",
                        "email_verified");
        assertThat(texts(document.get("claim_types_supported"))).containsExactly("normal");
        assertThat(texts(document.get("display_values_supported"))).containsExactly("page", "popup", "touch", "wap");
        assertThat(texts(document.get("prompt_values_supported")))
                .containsExactly("none", "login", "consent", "select_account");
        assertThat(document.get("claims_parameter_supported").booleanValue()).isTrue();
        assertThat(document.get("request_parameter_supported").booleanValue()).isFalse();
        assertThat(document.get("request_uri_parameter_supported").booleanValue()).isFalse();
        assertThat(document.get("authorization_response_iss_parameter_supported").booleanValue()).isTrue();
        // RP-Initiated Logout at the built-in server
        assertThat(document.get("end_session_endpoint").asText()).endsWith("/logout");
        // not implemented (or nothing to say): left out rather than advertised or null
        assertThat(document.has("require_request_uri_registration")).isFalse();
        assertThat(document.has("acr_values_supported")).isFalse();
        assertThat(document.has("ui_locales_supported")).isFalse();
        assertThat(document.has("pushed_authorization_request_endpoint")).isFalse();
        assertThat(document.has("dpop_signing_alg_values_supported")).isFalse();
        assertThat(document.has("tls_client_certificate_bound_access_tokens")).isFalse();
        document.properties().forEach(member -> assertThat(member.getValue().isNull()).as(member.getKey()).isFalse());
    }

    @Test
    void whenServiceSupportsResponseTypesBeyondCodeThenOnlyCodeIsAdvertised() {
        Service service = service(UnaryOperator.identity(), a -> a.responseTypes(EnumSet.of(ResponseType.CODE,
                ResponseType.ID_TOKEN, ResponseType.CODE_ID_TOKEN, ResponseType.TOKEN)));

        assertThat(texts(document(service).get("response_types_supported"))).containsExactly("code");
    }

    @Test
    void whenServiceDoesNotSupportCodeThenNoResponseTypeIsAdvertised() {
        Service service = service(UnaryOperator.identity(), a -> a.responseTypes(EnumSet.of(ResponseType.TOKEN)));

        assertThat(texts(document(service).get("response_types_supported"))).isEmpty();
    }

    @Test
    void whenServiceSupportsGrantTypesThenOnlyImplementedOnesAreAdvertised() {
        Service service = service(s -> s.grantTypes(EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.IMPLICIT,
                GrantType.REFRESH_TOKEN, GrantType.DEVICE_CODE, GrantType.TOKEN_EXCHANGE)), UnaryOperator.identity());

        assertThat(texts(document(service).get("grant_types_supported")))
                .containsExactly("authorization_code", "refresh_token");
    }

    @Test
    void whenServiceListsTokenAuthMethodsThenOnlyImplementedOnesItAllowsAreAdvertised() {
        Service service = service(s -> s.tokenAuthMethods(EnumSet.of(ClientAuthMethod.CLIENT_SECRET_POST,
                ClientAuthMethod.PRIVATE_KEY_JWT)), UnaryOperator.identity());

        assertThat(texts(document(service).get("token_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_post");
    }

    @Test
    void whenServiceListsIntrospectionAndRevocationMethodsThenOnlyImplementedOnesAreAdvertised() {
        DiscoverySettings settings = new DiscoverySettings(null, null, null, null, null, null, null, null, null, null,
                Set.of(ClientAuthMethod.CLIENT_SECRET_BASIC, ClientAuthMethod.NONE, ClientAuthMethod.TLS_CLIENT_AUTH),
                Set.of(ClientAuthMethod.NONE));

        ObjectNode document = document(service(UnaryOperator.identity(), UnaryOperator.identity()), settings,
                Set.of(SigningAlgorithm.RS256));

        assertThat(texts(document.get("introspection_endpoint_auth_methods_supported")))
                .containsExactly("client_secret_basic");
        assertThat(texts(document.get("revocation_endpoint_auth_methods_supported"))).containsExactly("none");
    }

    @Test
    void whenServiceRequiresS256ThenPlainIsNotAdvertised() {
        Service service = service(UnaryOperator.identity(), a -> a.pkceS256Required(true));

        assertThat(texts(document(service).get("code_challenge_methods_supported"))).containsExactly("S256");
    }

    @Test
    void whenServiceHasKeysForSeveralAlgorithmsThenTheyAreListedInAFixedOrderRs256First() {
        ObjectNode document = document(service(UnaryOperator.identity(), UnaryOperator.identity()),
                DiscoverySettings.NONE, EnumSet.of(SigningAlgorithm.EdDSA, SigningAlgorithm.ES256,
                        SigningAlgorithm.RS256));

        assertThat(texts(document.get("id_token_signing_alg_values_supported")))
                .containsExactly("RS256", "ES256", "EdDSA");
    }

    @Test
    void whenServiceListsClaimsThenTheyReplaceTheBuiltInUsersClaimsAndAcrsAddAcr() {
        Service service = service(UnaryOperator.identity(), a -> a.claims(List.of("given_name", "email"))
                .acrs(List.of("urn:mace:incommon:iap:silver")));

        ObjectNode document = document(service);

        assertThat(texts(document.get("claims_supported"))).containsExactly("sub", "iss", "aud", "exp", "iat",
                "auth_time", "nonce", "acr", "given_name", "email");
        assertThat(texts(document.get("acr_values_supported"))).containsExactly("urn:mace:incommon:iap:silver");
    }

    @Test
    void whenServiceSuppressesIssThenTheDocumentSaysTheIssParameterIsNotSupported() {
        Service service = service(UnaryOperator.identity(), a -> a.issSuppressed(true));

        assertThat(document(service).get("authorization_response_iss_parameter_supported").booleanValue()).isFalse();
    }

    @Test
    void whenServiceNarrowsPromptsDisplaysAndLocalesThenTheDocumentFollows() {
        Service service = service(UnaryOperator.identity(), a -> a.promptValues(EnumSet.of(Prompt.LOGIN, Prompt.CREATE))
                .displays(EnumSet.of(Display.PAGE)).uiLocales(List.of("en", "fr-CA")).claimLocales(List.of("de")));

        ObjectNode document = document(service);

        assertThat(texts(document.get("prompt_values_supported"))).containsExactly("login", "create");
        assertThat(texts(document.get("display_values_supported"))).containsExactly("page");
        assertThat(texts(document.get("ui_locales_supported"))).containsExactly("en", "fr-CA");
        assertThat(texts(document.get("claims_locales_supported"))).containsExactly("de");
    }

    @Test
    void whenServiceConfiguresItsFrontEndsUrlsThenTheyReplaceTheBuiltInOnesAndTheDocumentLinksAreShown() {
        DiscoverySettings settings = new DiscoverySettings("https://as.example.com/authz", null,
                "https://as.example.com/me", null, null, null, "https://as.example.com/logout",
                "https://as.example.com/docs", "https://as.example.com/policy", "https://as.example.com/tos",
                Set.of(), Set.of());
        ProviderEndpoints endpoints = ProviderEndpoints.configured("https://as.example.com", settings, BUILT_IN);

        ObjectNode document = DiscoveryDocument.build(service(UnaryOperator.identity(), UnaryOperator.identity()),
                settings, Set.of(SigningAlgorithm.RS256), endpoints);

        assertThat(document.get("issuer").asText()).isEqualTo("https://as.example.com");
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo("https://as.example.com/authz");
        assertThat(document.get("userinfo_endpoint").asText()).isEqualTo("https://as.example.com/me");
        assertThat(document.get("token_endpoint").asText()).as("not configured: the built-in one")
                .isEqualTo(ISSUER + "/token");
        assertThat(document.get("end_session_endpoint").asText()).isEqualTo("https://as.example.com/logout");
        assertThat(document.get("service_documentation").asText()).isEqualTo("https://as.example.com/docs");
        assertThat(document.get("op_policy_uri").asText()).isEqualTo("https://as.example.com/policy");
        assertThat(document.get("op_tos_uri").asText()).isEqualTo("https://as.example.com/tos");
    }

    @Test
    void whenThereIsNoPublicUrlAndNothingConfiguredThenEndpointMembersAreLeftOutRatherThanNull() {
        ProviderEndpoints endpoints = ProviderEndpoints.configured(null, DiscoverySettings.NONE, null);

        ObjectNode document = DiscoveryDocument.build(service(UnaryOperator.identity(), a -> a.issuer(null)),
                DiscoverySettings.NONE, Set.of(), endpoints);

        assertThat(document.has("issuer")).isFalse();
        assertThat(document.has("token_endpoint")).isFalse();
        assertThat(document.has("introspection_endpoint_auth_methods_supported")).isFalse();
        assertThat(texts(document.get("id_token_signing_alg_values_supported"))).isEmpty();
        assertThat(document.get("authorization_response_iss_parameter_supported").booleanValue()).isFalse();
        document.properties().forEach(member -> assertThat(member.getValue().isNull()).as(member.getKey()).isFalse());
    }
}
