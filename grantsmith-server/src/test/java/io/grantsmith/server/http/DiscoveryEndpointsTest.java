package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Discovery over HTTP: the built-in authorization server's documents (OpenID Connect Discovery and RFC 8414 paths)
 * and Authlete's {@code /service/configuration} (v3 and v2, GET and POST, pretty, patch).
 */
class DiscoveryEndpointsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef oidc;

    @BeforeAll
    static void createService() {
        oidc = service("");
    }

    /** An OpenID Connect service of the built-in server: openid among its scopes, the code flow among its grants. */
    static ServiceRef service(String extraMembers) {
        ObjectNode created = SERVER.grantsmith().services().create((ObjectNode) Json.parse("{\"serviceName\":\"op\","
                + "\"supportedScopes\":[{\"name\":\"openid\"},{\"name\":\"profile\"},{\"name\":\"read\","
                + "\"defaultEntry\":true}],\"supportedGrantTypes\":[\"AUTHORIZATION_CODE\",\"REFRESH_TOKEN\"]"
                + extraMembers + "}"));
        return new ServiceRef(created.get("apiKey").asLong(), created.get("apiSecret").asText());
    }

    private static String issuer(ServiceRef service) {
        return SERVER.baseUrl() + "/as/" + service.id();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void whenTheOpenIdConfigurationIsFetchedThenItsIssuerIsTheUrlItCameFromAndEveryEndpointIsUnderIt() {
        Reply reply = SERVER.get("/as/" + oidc.id() + "/.well-known/openid-configuration").send();

        reply.assertJson(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(reply.headers("Pragma")).as("a cacheable document says nothing else").isEmpty();
        JsonNode document = reply.json();
        String issuer = issuer(oidc);
        // OpenID Connect Discovery §4.3: the document's issuer + /.well-known/openid-configuration is where it came from
        assertThat(SERVER.baseUrl() + "/as/" + oidc.id() + "/.well-known/openid-configuration")
                .isEqualTo(document.get("issuer").asText() + "/.well-known/openid-configuration");
        assertThat(document.get("issuer").asText()).isEqualTo(issuer);
        document.properties().forEach(member -> {
            if (member.getKey().endsWith("_endpoint") || member.getKey().equals("jwks_uri")) {
                assertThat(member.getValue().asText()).as(member.getKey()).startsWith(issuer + "/");
            }
        });
        assertThat(document.get("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo(issuer + "/authorize");
        assertThat(texts(document.get("id_token_signing_alg_values_supported"))).contains("RS256");
        assertThat(texts(document.get("code_challenge_methods_supported"))).contains("S256");
        assertThat(texts(document.get("scopes_supported"))).containsExactly("openid", "profile", "read");
        assertThat(texts(document.get("grant_types_supported"))).containsExactly("authorization_code", "refresh_token");
        assertThat(texts(document.get("response_types_supported"))).containsExactly("code");
        assertThat(Json.nullMembers(document)).isEmpty();
    }

    @Test
    void whenTheJwksUriOfTheDocumentIsFetchedThenItServesTheKeysTheDocumentAdvertises() {
        JsonNode document = SERVER.get("/as/" + oidc.id() + "/.well-known/openid-configuration").send().json();

        Reply jwks = SERVER.get(document.get("jwks_uri").asText().substring(SERVER.baseUrl().length())).send();

        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.json().get("keys").findValuesAsText("alg"))
                .containsAll(texts(document.get("id_token_signing_alg_values_supported")));
    }

    @Test
    void whenRfc8414PathsAreUsedThenTheyServeTheSameDocument() {
        String oidcPath = SERVER.get("/as/" + oidc.id() + "/.well-known/openid-configuration").send().body();

        Reply oauth = SERVER.get("/.well-known/oauth-authorization-server/as/" + oidc.id()).send();
        Reply inserted = SERVER.get("/.well-known/openid-configuration/as/" + oidc.id()).send();

        assertThat(oauth.status()).isEqualTo(200);
        assertThat(oauth.body()).isEqualTo(oidcPath);
        assertThat(oauth.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(inserted.status()).isEqualTo(200);
        assertThat(inserted.body()).isEqualTo(oidcPath);
    }

    @Test
    void whenServiceGetsKeysForMoreAlgorithmsThenTheyAreAdvertisedAfterRs256() {
        ServiceRef service = service("");
        SERVER.grantsmith().keys().rotate(service.id(), SigningAlgorithm.ES256);
        SERVER.grantsmith().keys().rotate(service.id(), SigningAlgorithm.EdDSA);

        JsonNode document = SERVER.get("/as/" + service.id() + "/.well-known/openid-configuration").send().json();

        assertThat(texts(document.get("id_token_signing_alg_values_supported")))
                .containsExactly("RS256", "ES256", "EdDSA");
    }

    @Test
    void whenServiceIsUnknownThenTheBuiltInDocumentIsA404OAuthError() {
        SERVER.get("/as/999999/.well-known/openid-configuration").send().assertOAuthError(404, "invalid_request",
                "A192201");
        SERVER.get("/as/not-a-number/.well-known/openid-configuration").send().assertOAuthError(404,
                "invalid_request", "A192201");
        SERVER.get("/.well-known/oauth-authorization-server/as/999999").send().assertOAuthError(404,
                "invalid_request", "A192201");
    }

    @Test
    void whenServiceNamesAnotherIssuerThenTheBuiltInServerServesNoDocumentForItButTheApiDoes() {
        ServiceRef elsewhere = service(",\"issuer\":\"https://as.example.org\"");

        Reply builtIn = SERVER.get("/as/" + elsewhere.id() + "/.well-known/openid-configuration").send();
        Reply api = SERVER.get(elsewhere.path("/service/configuration")).bearer(elsewhere.apiSecret()).send();

        builtIn.assertOAuthError(404, "invalid_request", "A192207");
        assertThat(builtIn.text("error_description")).contains("https://as.example.org").contains(issuer(elsewhere));
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.json().get("issuer").asText()).isEqualTo("https://as.example.org");
    }

    @Test
    void whenServiceNamesTheBuiltInIssuerItselfThenTheBuiltInServerServesItsDocument() {
        ServiceRef service = service("");
        SERVER.grantsmith().services().update(service.id(), (ObjectNode) Json.parse("{\"serviceName\":\"op\","
                + "\"issuer\":\"" + issuer(service) + "\"}"));

        Reply reply = SERVER.get("/as/" + service.id() + "/.well-known/openid-configuration").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("issuer").asText()).isEqualTo(issuer(service));
    }

    @Test
    void whenTheApiDocumentIsFetchedThenItIsTheRawDocumentNotCachedWithTheFrontEndsUrls() {
        ServiceRef frontEnd = service(",\"issuer\":\"https://as.example.org\","
                + "\"authorizationEndpoint\":\"https://as.example.org/authorize\","
                + "\"tokenEndpoint\":\"https://as.example.org/token\",\"jwksUri\":\"https://as.example.org/jwks\","
                + "\"endSessionEndpoint\":\"https://as.example.org/logout\"");

        Reply reply = SERVER.get(frontEnd.path("/service/configuration")).bearer(frontEnd.apiSecret()).send();

        reply.assertJson(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.body()).doesNotContain("\n").doesNotContain("resultCode");
        JsonNode document = reply.json();
        assertThat(document.get("issuer").asText()).isEqualTo("https://as.example.org");
        assertThat(document.get("authorization_endpoint").asText()).isEqualTo("https://as.example.org/authorize");
        assertThat(document.get("token_endpoint").asText()).isEqualTo("https://as.example.org/token");
        assertThat(document.get("jwks_uri").asText()).isEqualTo("https://as.example.org/jwks");
        assertThat(document.get("end_session_endpoint").asText()).isEqualTo("https://as.example.org/logout");
        assertThat(document.get("userinfo_endpoint").asText()).as("not configured: the built-in server's")
                .isEqualTo(issuer(frontEnd) + "/userinfo");
    }

    @Test
    void whenPrettyAndPatchAreGivenInTheQueryThenTheDocumentIsPatchedAndIndented() {
        String patch = "[{\"op\":\"add\",\"path\":\"/custom_member\",\"value\":\"x\"},"
                + "{\"op\":\"remove\",\"path\":\"/claims_supported\"}]";

        Reply reply = SERVER.get(oidc.path("/service/configuration") + "?pretty=true&patch=" + encoded(patch))
                .bearer(oidc.apiSecret()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("\n  \"issuer\"");
        assertThat(reply.json().get("custom_member").asText()).isEqualTo("x");
        assertThat(reply.json().has("claims_supported")).isFalse();
    }

    @Test
    void whenTheOptionsArePostedAsJsonOrFormThenTheyApplyAsInTheQuery() {
        String patch = "[{\"op\":\"replace\",\"path\":\"/claims_parameter_supported\",\"value\":false}]";

        Reply json = SERVER.post(oidc.path("/service/configuration")).bearer(oidc.apiSecret())
                .json("{\"pretty\":true,\"patch\":" + Json.quote(patch) + "}").send();
        Reply form = SERVER.post(oidc.path("/service/configuration")).bearer(oidc.apiSecret())
                .form("pretty=false&patch=" + encoded(patch)).send();

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains("\n");
        assertThat(json.json().get("claims_parameter_supported").asBoolean()).isFalse();
        assertThat(json.header("Cache-Control")).isEqualTo("no-store");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).doesNotContain("\n");
        assertThat(form.json().get("claims_parameter_supported").asBoolean()).isFalse();
    }

    @Test
    void whenThePatchCannotBeAppliedThenA400InAuthletesShape() {
        String failing = "[{\"op\":\"test\",\"path\":\"/issuer\",\"value\":\"https://other\"}]";

        Reply query = SERVER.get(oidc.path("/service/configuration") + "?patch=" + encoded(failing))
                .bearer(oidc.apiSecret()).send();
        Reply notJson = SERVER.post(oidc.path("/service/configuration")).bearer(oidc.apiSecret())
                .json("{\"patch\":\"[{\"}").send();

        query.assertApiFailure(400, "A192206");
        assertThat(query.text("resultMessage")).contains("/service/configuration").contains("operation 1 (test /issuer)");
        notJson.assertApiFailure(400, "A192206");
        assertThat(notJson.text("resultMessage")).contains("not valid JSON");
    }

    @Test
    void whenPrettyIsNeitherTrueNorFalseThenA400() {
        SERVER.get(oidc.path("/service/configuration") + "?pretty=maybe").bearer(oidc.apiSecret()).send()
                .assertApiFailure(400, "A192203");
    }

    @Test
    void whenV2IsUsedWithBasicThenTheSameDocumentAndMissingCredentialsAreChallengedForBasic() {
        Reply v3 = SERVER.get(oidc.path("/service/configuration")).bearer(oidc.apiSecret()).send();

        Reply v2 = SERVER.get("/api/service/configuration").basic(Long.toString(oidc.id()), oidc.apiSecret()).send();
        Reply v2Post = SERVER.post("/api/service/configuration").basic(Long.toString(oidc.id()), oidc.apiSecret())
                .json("{}").send();
        Reply anonymous = SERVER.get("/api/service/configuration").send();

        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo(v3.body());
        assertThat(v2Post.body()).isEqualTo(v3.body());
        anonymous.assertApiFailure(401, "A001202");
        assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"grantsmith\"");
    }

    @Test
    void whenTheApiIsCalledWithoutTheServicesCredentialsThen401AndUnknownServicesAre404() {
        ServiceRef other = service("");

        SERVER.get(oidc.path("/service/configuration")).bearer(other.apiSecret()).send().assertApiFailure(401,
                "A001292");
        SERVER.get("/api/999999/service/configuration").bearer(HttpFixture.ADMIN_TOKEN).send()
                .assertApiFailure(404, "A192201");
    }

    @Test
    void whenThePublicUrlIsConfiguredThenItIsTheIssuersPrefixWhateverTheListener() throws Exception {
        try (HttpFixture proxied = HttpFixture.sqlite(Clock.systemUTC(),
                b -> b.publicUrl("https://login.example.com/"))) {
            proxied.beforeAll(null);
            long id = proxied.service("").id();

            JsonNode document = proxied.get("/as/" + id + "/.well-known/openid-configuration").send().json();

            assertThat(document.get("issuer").asText()).isEqualTo("https://login.example.com/as/" + id);
            assertThat(document.get("token_endpoint").asText()).isEqualTo("https://login.example.com/as/" + id + "/token");
            assertThat(proxied.grantsmith().publicUrl().value()).contains("https://login.example.com");
        }
    }
}
