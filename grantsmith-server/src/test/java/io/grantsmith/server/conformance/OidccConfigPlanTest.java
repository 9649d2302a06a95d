package io.grantsmith.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Reply;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenID Foundation's {@code oidcc-config-certification-test-plan}: its one module,
 * {@code oidcc-discovery-endpoint-verification}, condition by condition, against the discovery document of the
 * built-in provider over HTTPS: for a service set up for the Basic plan, and for a service that only lists
 * {@code openid} (what a first service looks like).
 */
class OidccConfigPlanTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite().tlsSelfSigned();

    private static final Set<String> OIDC_RESPONSE_TYPES = Set.of("code", "code id_token", "id_token",
            "token id_token", "id_token token", "code id_token token", "code token");

    private static ServiceRef service(String kind) {
        return SERVER.service(kind.equals("basic-plan") ? ConformanceSetup.SERVICE
                : ",\"supportedScopes\":[{\"name\":\"openid\"}]");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"basic-plan", "openid-only"})
    void oidccDiscoveryEndpointVerification(String kind) throws Exception {
        ServiceRef service = service(kind);
        String issuer = SERVER.baseUrl() + "/as/" + service.id();

        Reply reply = SERVER.get("/as/" + service.id() + "/.well-known/openid-configuration").send();

        // EnsureDiscoveryEndpointResponseStatusCodeIs200, CheckDiscoveryEndpointReturnedJsonContentType
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode document = reply.json();
        // OIDCCCheckDiscEndpointResponseTypesSupported: at least one OpenID Connect response type
        assertThat(ConformanceSetup.texts(document.path("response_types_supported"))).contains("code")
                .anyMatch(OIDC_RESPONSE_TYPES::contains);
        // CheckDiscEndpointDiscoveryUrl, CheckDiscEndpointIssuer, CheckDiscEndpointIssuerIsValidUrl
        assertThat(document.path("issuer").asText()).isEqualTo(issuer);
        URI issuerUri = URI.create(issuer);
        assertThat(issuerUri.getScheme()).isEqualTo("https");
        assertThat(issuerUri.getQuery()).isNull();
        assertThat(issuerUri.getFragment()).isNull();
        // CheckDiscEndpointSubjectTypesSupported
        assertThat(ConformanceSetup.texts(document.path("subject_types_supported"))).isNotEmpty()
                .isSubsetOf("public", "pairwise");
        // OIDCCCheckDiscEndpointIdTokenSigningAlgValuesSupported: RS256 (Discovery §3), never none here
        assertThat(ConformanceSetup.texts(document.path("id_token_signing_alg_values_supported")))
                .contains("RS256").doesNotContain("none");
        // OIDCCCheckDiscEndpointUserinfoSigningAlgValuesSupported (when present)
        if (document.has("userinfo_signing_alg_values_supported")) {
            assertThat(document.path("userinfo_signing_alg_values_supported").isArray()).isTrue();
        }
        // CheckDiscEndpointAuthorizationEndpoint, TokenEndpoint, UserinfoEndpoint (recommended: a warning if absent)
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "userinfo_endpoint")) {
            assertThat(document.path(endpoint).asText()).as(endpoint).startsWith(issuer + "/");
        }
        // CheckJwksUri, FetchServerKeys, ValidateServerJWKs, EnsureServerJwksDoesNotContainPrivateOrSymmetricKeys,
        // CheckForKeyIdInServerJWKs, CheckDistinctKeyIdValueInServerJWKs
        Reply keys = SERVER.get(URI.create(document.path("jwks_uri").asText()).getPath()).send();
        assertThat(keys.status()).isEqualTo(200);
        JWKSet set = JWKSet.parse(keys.body());
        assertThat(set.getKeys()).isNotEmpty();
        Set<String> kids = new HashSet<>();
        for (JWK key : set.getKeys()) {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyType().getValue()).isNotEqualTo("oct");
            assertThat(key.getKeyID()).isNotNull();
            assertThat(kids.add(key.getKeyID())).as("kid %s is distinct", key.getKeyID()).isTrue();
        }
        assertThat(set.getKeys()).anyMatch(key -> key.getKeyType().getValue().equals("RSA"));
        // CheckDiscEndpointRequestParameterSupported, CheckDiscEndpointRequestUriParameterSupported (INFO): stated
        assertThat(document.path("request_parameter_supported").isBoolean()).isTrue();
        assertThat(document.path("request_uri_parameter_supported").isBoolean()).isTrue();
        if (document.has("request_object_signing_alg_values_supported")) {
            assertThat(ConformanceSetup.texts(document.path("request_object_signing_alg_values_supported")))
                    .contains("RS256");
        }
        // CheckDiscEndpointClaimsParameterSupported (INFO), OIDCCCheckDiscEndpointClaimsSupported (WARNING)
        assertThat(document.path("claims_parameter_supported").asBoolean()).isTrue();
        assertThat(ConformanceSetup.texts(document.path("claims_supported"))).isNotEmpty().contains("sub");
        // OIDCCCheckDiscEndpointGrantTypesSupported: a non-empty array when present
        assertThat(ConformanceSetup.texts(document.path("grant_types_supported"))).isNotEmpty()
                .contains("authorization_code");
        // CheckDiscEndpointScopesSupportedContainsOpenId, CheckDiscEndpointScopesSupportedSyntax (RFC 6749 §3.3)
        assertThat(ConformanceSetup.texts(document.path("scopes_supported"))).contains("openid")
                .allMatch(scope -> scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+"));
        // CheckDiscEndpointLocalesSyntax, CheckDiscEndpointLocalesCanonicalCasing (RFC 5646)
        for (String locales : List.of("ui_locales_supported", "claims_locales_supported")) {
            for (String tag : ConformanceSetup.texts(document.path(locales))) {
                assertThat(tag).matches("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");
            }
        }
        // CheckDiscEndpointAllEndpointsAreHttps
        document.fields().forEachRemaining(member -> {
            if (member.getKey().endsWith("_endpoint") || member.getKey().endsWith("_uri")) {
                assertThat(member.getValue().asText()).as(member.getKey()).startsWith("https://");
            }
        });
        // EnsureServerConfigurationCodeChallengeMethodsSupportedIsAnArray
        assertThat(document.path("code_challenge_methods_supported").isArray()).isTrue();
        assertThat(ConformanceSetup.texts(document.path("code_challenge_methods_supported"))).contains("S256");
        // acr_values_supported agrees with what logins are issued with (OidccBasicPlanTest checks the ID tokens)
        if (kind.equals("basic-plan")) {
            assertThat(ConformanceSetup.texts(document.path("acr_values_supported")))
                    .containsExactly("urn:grantsmith:acr:password");
            assertThat(ConformanceSetup.texts(document.path("claims_supported"))).contains("acr", "address",
                    "phone_number", "updated_at");
            assertThat(document.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
        } else {
            assertThat(document.has("acr_values_supported")).isFalse();
        }
    }
}
