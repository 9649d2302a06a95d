package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import io.grantsmith.server.Reply;
import io.grantsmith.testkit.FastSigningKeys;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JWK Set endpoints (Authlete's v3 and v2, the built-in server's jwks_uri), rotation and import over HTTP. */
class KeyEndpointsTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static final List<String> PRIVATE_MEMBERS = List.of("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"",
            "\"qi\"");

    private static ServiceRef service;
    private static ServiceRef withoutKeys;

    @BeforeAll
    static void createServices() {
        service = SERVER.service("");
        withoutKeys = SERVER.service(",\"jwks\":\"{\\\"keys\\\":[]}\"");
    }

    private static JWKSet publicSet(Reply reply) throws Exception {
        for (String member : PRIVATE_MEMBERS) {
            assertThat(reply.body()).doesNotContain(member);
        }
        JWKSet set = JWKSet.parse(reply.body());
        assertThat(set.getKeys()).isNotEmpty().allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        return set;
    }

    @Test
    void whenV3JwksGetIsCalledThen200WithThePublicSetInAuthletesShape() throws Exception {
        Reply reply = SERVER.get(service.path("/service/jwks/get")).bearer(service.apiSecret()).send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JWKSet set = publicSet(reply);
        assertThat(set.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.getAlgorithm().getName()).isEqualTo("RS256");
            assertThat(key.getKeyUse().identifier()).isEqualTo("sig");
        });
        assertThat(reply.body()).doesNotContain("\n");
        assertThat(SERVER.get(service.path("/service/jwks/get")).bearer(HttpFixture.ADMIN_TOKEN).send().body())
                .isEqualTo(reply.body());
    }

    @Test
    void whenV2JwksGetIsCalledWithBasicThenTheSameSetAndAWrongSecretIsChallengedForBasic() {
        Reply v3 = SERVER.get(service.path("/service/jwks/get")).bearer(service.apiSecret()).send();

        Reply v2 = SERVER.get("/api/service/jwks/get").basic(Long.toString(service.id()), service.apiSecret()).send();
        Reply wrong = SERVER.get("/api/service/jwks/get").basic(Long.toString(service.id()), "wrong").send();

        assertThat(v2.status()).isEqualTo(200);
        assertThat(v2.body()).isEqualTo(v3.body());
        wrong.assertApiFailure(401, "A001292");
        assertThat(wrong.header("WWW-Authenticate")).isEqualTo("Basic realm=\"grantsmith\"");
    }

    @Test
    void whenServiceHasNoKeysThenJwksGetAnswers204AndTheJwksUriAnEmptySet() {
        Reply v3 = SERVER.get(withoutKeys.path("/service/jwks/get")).bearer(withoutKeys.apiSecret()).send();
        Reply v2 = SERVER.get("/api/service/jwks/get").basic(Long.toString(withoutKeys.id()), withoutKeys.apiSecret())
                .send();
        Reply jwksUri = SERVER.get("/as/" + withoutKeys.id() + "/jwks").send();

        assertThat(v3.status()).isEqualTo(204);
        assertThat(v3.body()).isEmpty();
        assertThat(v2.status()).isEqualTo(204);
        assertThat(jwksUri.status()).isEqualTo(200);
        assertThat(Json.parse(jwksUri.body()).get("keys")).isEmpty();
    }

    @Test
    void whenPrettyOrPrivateKeysAreAskedForThenTheSetIsIndentedOrCarriesThem() throws Exception {
        Reply pretty = SERVER.get(service.path("/service/jwks/get?pretty=true")).bearer(service.apiSecret()).send();
        Reply full = SERVER.get(service.path("/service/jwks/get?includePrivateKeys=true&pretty=false"))
                .bearer(service.apiSecret()).send();
        Reply bad = SERVER.get(service.path("/service/jwks/get?pretty=yes")).bearer(service.apiSecret()).send();

        assertThat(pretty.status()).isEqualTo(200);
        assertThat(pretty.body()).contains("\n");
        assertThat(Json.parse(pretty.body())).isEqualTo(Json.parse(SERVER.get(service.path("/service/jwks/get"))
                .bearer(service.apiSecret()).send().body()));
        assertThat(JWKSet.parse(full.body()).getKeys()).singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isTrue());
        bad.assertApiFailure(400, "A192203");
    }

    @Test
    void whenJwksUriIsFetchedThenPublicKeysAreServedCacheablyWithoutCredentials() throws Exception {
        Reply reply = SERVER.get("/as/" + service.id() + "/jwks").send();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/jwk-set+json");
        assertThat(reply.header("Cache-Control")).isEqualTo("public, max-age=300");
        assertThat(reply.headers("Pragma")).as("no Pragma: no-cache beside a public Cache-Control").isEmpty();
        assertThat(reply.header("Access-Control-Allow-Origin")).as("browser applications fetch it").isEqualTo("*");
        assertThat(publicSet(reply).getKeys()).hasSize(1);
        assertThat(Json.parse(reply.body())).isEqualTo(Json.parse(SERVER.get(service.path("/service/jwks/get"))
                .bearer(service.apiSecret()).send().body()));
    }

    @Test
    void whenJwksUriNamesNoServiceThen404InOAuthShape() {
        SERVER.get("/as/123/jwks").send().assertOAuthError(404, "invalid_request");
        SERVER.get("/as/not-a-number/jwks").send().assertOAuthError(404, "invalid_request");
        assertThat(SERVER.post("/as/" + service.id() + "/jwks").form("").send().status()).isEqualTo(405);
    }

    @Test
    void whenKeysAreRotatedOverHttpThenTheNewAlgorithmIsPublishedAndTheListShowsStates() throws Exception {
        ServiceRef rotated = SERVER.service("");

        Reply rotation = SERVER.post(rotated.path("/service/keys/rotate?alg=ES256")).bearer(rotated.apiSecret())
                .json("{}").send();
        Reply list = SERVER.get(rotated.path("/service/keys/list")).bearer(HttpFixture.ADMIN_TOKEN).send();

        rotation.assertJson(200);
        assertThat(rotation.json().get("serviceId").asLong()).isEqualTo(rotated.id());
        assertThat(list.json().get("keys")).isEqualTo(rotation.json().get("keys"));
        assertThat(list.json().get("keys").findValuesAsText("state")).containsExactlyInAnyOrder("CURRENT", "CURRENT",
                "NEXT");
        assertThat(list.body()).doesNotContain("\"d\"");
        JWKSet published = publicSet(SERVER.get("/as/" + rotated.id() + "/jwks").send());
        assertThat(published.getKeys()).extracting(key -> key.getAlgorithm().getName())
                .containsExactlyInAnyOrder("RS256", "ES256", "ES256");
        assertThat(SERVER.grantsmith().jwtSigner().algorithms(rotated.id()))
                .containsExactlyInAnyOrder(SigningAlgorithm.RS256, SigningAlgorithm.ES256);
    }

    @Test
    void whenRotationIsRefusedThenTheReasonComesWithItsCode() {
        SERVER.post(service.path("/service/keys/rotate?alg=HS256")).bearer(service.apiSecret()).json("{}").send()
                .assertApiFailure(400, "A110293");
        SERVER.post(service.path("/service/keys/rotate")).bearer(withoutKeys.apiSecret()).json("{}").send()
                .assertApiFailure(401, "A001292");
        SERVER.post("/api/123/service/keys/rotate").bearer(HttpFixture.ADMIN_TOKEN).json("{}").send()
                .assertApiFailure(404, "A192201");
    }

    @Test
    void whenServiceIsCreatedWithJwksOverHttpThenItsViewShowsPublicKeysAndBadSetsAre400() throws Exception {
        String privateKey = new FastSigningKeys().generate(SigningAlgorithm.EdDSA).privateJwk().reveal();
        String jwks = Json.quote("{\"keys\":[" + privateKey + "]}");

        Reply created = SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN)
                .json("{\"serviceName\":\"imported\",\"jwks\":" + jwks + "}").send();
        Reply refused = SERVER.post("/api/service/create").bearer(HttpFixture.ADMIN_TOKEN)
                .json("{\"serviceName\":\"bad\",\"jwks\":" + Json.quote("{\"keys\":[{\"kty\":\"oct\",\"k\":\"AA\"}]}")
                        + "}").send();

        created.assertJson(200);
        JsonNode view = created.json();
        assertThat(view.get("jwks").asText()).doesNotContain("\"d\"");
        assertThat(JWKSet.parse(view.get("jwks").asText()).getKeys()).extracting(JWK::getKeyID)
                .containsExactly(JWK.parse(privateKey).getKeyID());
        refused.assertApiFailure(400, "A110291");
        assertThat(refused.text("resultMessage")).contains("/service/create").contains("symmetric key");
    }
}
