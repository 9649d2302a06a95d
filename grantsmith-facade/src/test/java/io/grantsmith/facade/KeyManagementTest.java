package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.NoSigningKeyException;
import io.grantsmith.core.jose.SignedJwt;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.spi.StoredKey;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.store.memory.MemoryStores;
import io.grantsmith.testkit.FastSigningKeys;
import io.grantsmith.testkit.MutableClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyManagementTest {
    private static final Map<String, Object> CLAIMS = Map.of("sub", "alice", "exp", 4_000_000_000L);

    private final MutableClock clock = MutableClock.atFixedStart();
    private final MemoryStores stores = new MemoryStores();
    private final FastSigningKeys keyGenerator = new FastSigningKeys();
    private final Grantsmith grantsmith = Grantsmith.builder().stores(stores).clock(clock)
            .adminToken(FacadeFixture.ADMIN_TOKEN).keyGenerator(keyGenerator).build();

    @AfterEach
    void close() {
        grantsmith.close();
    }

    private long create(String members) {
        return grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"keys\"" + members + "}"))
                .get("apiKey").asLong();
    }

    private List<StoredKey> stored(long serviceId) {
        return stores.keys().list(serviceId);
    }

    /** A private JWK Set of fresh keys, as a caller would put in 'jwks'. */
    private String privateSet(SigningAlgorithm... algorithms) {
        return "{\"keys\":[" + Arrays.stream(algorithms)
                .map(algorithm -> keyGenerator.generate(algorithm).privateJwk().reveal())
                .collect(Collectors.joining(",")) + "]}";
    }

    private static String jwksMember(String json) {
        return ",\"jwks\":" + WireJson.mapper().valueToTree(json);
    }

    @Test
    void whenServiceIsCreatedWithoutJwksThenOneCurrentRs256KeyIsGeneratedAndPublishedInItsView() throws Exception {
        ObjectNode view = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"plain\"}"));
        long serviceId = view.get("apiKey").asLong();

        assertThat(stored(serviceId)).singleElement().satisfies(key -> {
            assertThat(key.algorithm()).isEqualTo(SigningAlgorithm.RS256);
            assertThat(key.state()).isEqualTo(KeyState.CURRENT);
        });
        JWKSet published = JWKSet.parse(view.get("jwks").asText());
        assertThat(published.getKeys()).singleElement().satisfies(key -> {
            assertThat(key.isPrivate()).isFalse();
            assertThat(key.getKeyID()).isEqualTo(stored(serviceId).get(0).kid());
        });
        assertThat(grantsmith.services().get(serviceId).get("jwks").asText()).isEqualTo(view.get("jwks").asText());
        assertThat(grantsmith.jwtSigner().algorithms(serviceId)).containsExactly(SigningAlgorithm.RS256);
    }

    @Test
    void whenServiceIsCreatedWithJwksThenItsKeysAreImportedAndNoDocumentHoldsAPrivateKey() throws Exception {
        String jwks = privateSet(SigningAlgorithm.ES256, SigningAlgorithm.EdDSA, SigningAlgorithm.ES256);

        ObjectNode view = grantsmith.services().create(FacadeFixture.json("{\"serviceName\":\"imported\""
                + jwksMember(jwks) + "}"));
        long serviceId = view.get("apiKey").asLong();

        assertThat(stored(serviceId)).extracting(StoredKey::algorithm, StoredKey::state).containsExactlyInAnyOrder(
                tuple(SigningAlgorithm.ES256, KeyState.CURRENT),
                tuple(SigningAlgorithm.EdDSA, KeyState.CURRENT),
                tuple(SigningAlgorithm.ES256, KeyState.RETIRED));
        assertThat(retired(serviceId).publishUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        assertThat(retired(serviceId).kid()).as("the first ES256 key of the set is the current one")
                .isNotEqualTo(kidOf(jwks.substring(jwks.indexOf('[') + 1, jwks.indexOf('}') + 1)));
        String document = stores.services().find(serviceId).orElseThrow().document();
        assertThat(document).doesNotContain("jwks").doesNotContain("\"d\"");
        assertThat(view.get("jwks").asText()).doesNotContain("\"d\"");
        assertThat(JWKSet.parse(view.get("jwks").asText()).getKeys()).hasSize(3);
        assertThat(grantsmith.jwtSigner().algorithms(serviceId))
                .containsExactlyInAnyOrder(SigningAlgorithm.ES256, SigningAlgorithm.EdDSA);
    }

    @Test
    void whenJwksIsUnusableThenCreateAnswers400WithTheReasonAndStoresNothing() {
        String secretKey = "{\"keys\":[{\"kty\":\"oct\",\"kid\":\"h\",\"k\":\"c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0\"}]}";
        String publicOnly = keyGenerator.generate(SigningAlgorithm.ES256).publicJwk();

        assertFailure(() -> create(jwksMember(secretKey)), ApiResultCode.JWKS_INVALID, "is a symmetric key");
        assertFailure(() -> create(jwksMember("{\"keys\":[" + publicOnly + "]}")), ApiResultCode.JWKS_INVALID,
                "has no private key");
        assertFailure(() -> create(",\"jwks\":42"), ApiResultCode.INVALID_VALUE, "must be a string holding a JWK Set");
        assertFailure(() -> create(jwksMember("{\"keys\":")), ApiResultCode.JWKS_INVALID, "not a JSON object");

        assertThat(stores.services().count()).isZero();
    }

    @Test
    void whenServiceViewIsSentBackAsAnUpdateThenItsKeysStayAsTheyAre() {
        long serviceId = create("");
        grantsmith.keys().rotate(serviceId, null);
        List<StoredKey> before = stored(serviceId);
        ObjectNode view = grantsmith.services().get(serviceId);
        view.put("description", "changed");

        ObjectNode updated = grantsmith.services().update(serviceId, view);

        assertThat(stored(serviceId)).isEqualTo(before);
        assertThat(updated.get("description").asText()).isEqualTo("changed");
        assertThat(updated.get("jwks").asText()).isEqualTo(view.get("jwks").asText());
        assertThat(stores.services().find(serviceId).orElseThrow().document()).doesNotContain("jwks");
    }

    @Test
    void whenUpdateOmitsJwksThenKeysStayAndWhenItCarriesUnknownPublicKeysNothingChanges() {
        long serviceId = create("");
        List<StoredKey> before = stored(serviceId);

        grantsmith.services().update(serviceId, FacadeFixture.json("{\"serviceName\":\"renamed\"}"));
        assertThat(stored(serviceId)).isEqualTo(before);

        String foreign = "{\"keys\":[" + keyGenerator.generate(SigningAlgorithm.RS256).publicJwk() + "]}";
        assertFailure(() -> grantsmith.services().update(serviceId,
                FacadeFixture.json("{\"serviceName\":\"again\"" + jwksMember(foreign) + "}")),
                ApiResultCode.JWKS_INVALID, "has no private key, and the service has no such key to keep");
        assertThat(stored(serviceId)).isEqualTo(before);
        assertThat(grantsmith.services().get(serviceId).get("serviceName").asText()).isEqualTo("renamed");
    }

    @Test
    void whenUpdateBringsNewKeysThenOldKeysGoAndIdTokenSignatureKeyIdPicksTheCurrentOne() {
        long serviceId = create("");
        String first = keyGenerator.generate(SigningAlgorithm.PS256).privateJwk().reveal();
        String second = keyGenerator.generate(SigningAlgorithm.PS256).privateJwk().reveal();
        String secondKid = kidOf(second);

        grantsmith.services().update(serviceId, FacadeFixture.json("{\"serviceName\":\"x\",\"idTokenSignatureKeyId\":\""
                + secondKid + "\"" + jwksMember("{\"keys\":[" + first + "," + second + "]}") + "}"));

        assertThat(stored(serviceId)).extracting(StoredKey::kid, StoredKey::state).containsExactlyInAnyOrder(
                tuple(secondKid, KeyState.CURRENT),
                tuple(kidOf(first), KeyState.RETIRED));
        SignedJwt signed = grantsmith.jwtSigner().sign(serviceId, SigningAlgorithm.PS256, Map.of(), CLAIMS);
        assertThat(signed.keyId()).isEqualTo(secondKid);
        assertThatThrownBy(() -> grantsmith.jwtSigner().sign(serviceId, SigningAlgorithm.RS256, Map.of(), CLAIMS))
                .as("the generated RS256 key was replaced").isInstanceOf(NoSigningKeyException.class);
    }

    @Test
    void whenKeysRotateThenTokensOfTheRetiredKeyVerifyUntilItsPublicationEndsAndItNeverSignsAgain()
            throws Exception {
        long serviceId = create("");
        String first = stored(serviceId).get(0).kid();
        SignedJwt before = grantsmith.jwtSigner().sign(serviceId, SigningAlgorithm.RS256, Map.of(), CLAIMS);

        ObjectNode afterFirst = grantsmith.keys().rotate(serviceId, SigningAlgorithm.RS256);

        assertThat(states(afterFirst)).containsExactly("CURRENT", "NEXT", "RETIRED");
        StoredKey retired = stored(serviceId).stream().filter(key -> key.kid().equals(first)).findFirst().orElseThrow();
        assertThat(retired.retiredAt()).isEqualTo(clock.instant());
        assertThat(retired.publishUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(1)));
        SignedJwt after = grantsmith.jwtSigner().sign(serviceId, SigningAlgorithm.RS256, Map.of(), CLAIMS);
        assertThat(after.keyId()).isNotEqualTo(first).isEqualTo(kidIn(afterFirst, "CURRENT"));
        String next = kidIn(afterFirst, "NEXT");
        assertThat(publishedKids(serviceId)).as("the next key is published before it signs")
                .containsExactlyInAnyOrder(first, after.keyId(), next);

        clock.advance(Duration.ofHours(23));
        ObjectNode afterSecond = grantsmith.keys().rotate(serviceId, null);
        assertThat(kidIn(afterSecond, "CURRENT")).as("the next key becomes current").isEqualTo(next);
        assertThat(relyingPartyAccepts(serviceId, before)).isTrue();
        assertThat(grantsmith.jwtVerifier().verify(serviceId, before.compact())).isPresent();
        assertThat(grantsmith.jwtSigner().sign(serviceId, SigningAlgorithm.RS256, Map.of(), CLAIMS).keyId())
                .isEqualTo(next);

        clock.advance(Duration.ofHours(1));
        assertThat(relyingPartyAccepts(serviceId, before)).as("its publication has ended").isFalse();
        assertThat(grantsmith.jwtVerifier().verify(serviceId, before.compact())).isEmpty();
        assertThat(relyingPartyAccepts(serviceId, after)).as("retired a day later, still published").isTrue();
        assertThat(publishedKids(serviceId)).doesNotContain(first);

        clock.advance(Duration.ofSeconds(1));
        Janitor janitor = new Janitor(stores.housekeeping(), stores.keys(), clock, Duration.ofDays(1));
        try {
            janitor.pass();
        } finally {
            janitor.close();
        }
        assertThat(stored(serviceId)).extracting(StoredKey::kid).doesNotContain(first).hasSize(3);
    }

    @Test
    void whenServiceSignsLongerLivedTokensThenItsRetiredKeyIsPublishedLonger() {
        long serviceId = create(",\"idTokenDuration\":259200");
        long signsAccessTokens = create(",\"idTokenDuration\":3600,\"accessTokenSignAlg\":\"ES256\","
                + "\"accessTokenDuration\":604800");

        grantsmith.keys().rotate(serviceId, null);
        grantsmith.keys().rotate(signsAccessTokens, null);

        assertThat(retired(serviceId).publishUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
        assertThat(retired(signsAccessTokens).publishUntil()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
    }

    @Test
    void whenAnotherAlgorithmIsRotatedInThenItGetsACurrentAndANextKeyBesideTheOthers() {
        long serviceId = create("");
        String rsa = stored(serviceId).get(0).kid();

        grantsmith.keys().rotate(serviceId, SigningAlgorithm.ES256);

        assertThat(stored(serviceId)).extracting(StoredKey::algorithm, StoredKey::state).containsExactlyInAnyOrder(
                tuple(SigningAlgorithm.RS256, KeyState.CURRENT),
                tuple(SigningAlgorithm.ES256, KeyState.CURRENT),
                tuple(SigningAlgorithm.ES256, KeyState.NEXT));
        assertThat(grantsmith.jwtSigner().sign(serviceId, SigningAlgorithm.RS256, Map.of(), CLAIMS).keyId())
                .isEqualTo(rsa);
        assertThat(grantsmith.jwtSigner().algorithms(serviceId))
                .containsExactlyInAnyOrder(SigningAlgorithm.RS256, SigningAlgorithm.ES256);
    }

    @Test
    void whenJwkSetIsAskedForThenItIsPublicUnlessPrivateKeysAreAskedForAndUnknownServicesAre404() throws Exception {
        long serviceId = create("");
        long withoutKeys = create(jwksMember("{\"keys\":[]}"));

        String published = grantsmith.keys().jwks(serviceId, false, false).orElseThrow();
        String full = grantsmith.keys().jwks(serviceId, true, false).orElseThrow();
        String pretty = grantsmith.keys().jwks(serviceId, false, true).orElseThrow();

        assertThat(JWKSet.parse(published).getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(JWKSet.parse(full).getKeys()).allSatisfy(key -> assertThat(key.isPrivate()).isTrue());
        assertThat(pretty).contains("\n");
        assertThat(WireJson.mapper().readTree(pretty)).isEqualTo(WireJson.mapper().readTree(published));
        assertThat(grantsmith.keys().jwks(withoutKeys, false, false)).isEmpty();
        assertFailure(() -> grantsmith.keys().jwks(123L, false, false), ApiResultCode.SERVICE_NOT_FOUND, "123");
        assertFailure(() -> grantsmith.keys().rotate(123L, null), ApiResultCode.SERVICE_NOT_FOUND, "123");
    }

    @Test
    void whenServiceIsDeletedThenItsKeysGoWithIt() {
        long serviceId = create("");

        grantsmith.services().delete(serviceId);

        assertThat(stored(serviceId)).isEmpty();
        assertThat(grantsmith.jwtSigner().algorithms(serviceId)).isEmpty();
    }

    // ---- helpers ----

    private StoredKey retired(long serviceId) {
        return stored(serviceId).stream().filter(key -> key.state() == KeyState.RETIRED).findFirst().orElseThrow();
    }

    private static List<String> states(ObjectNode listing) {
        return listing.get("keys").findValuesAsText("state");
    }

    private static String kidIn(ObjectNode listing, String state) {
        for (JsonNode key : listing.get("keys")) {
            if (key.get("state").asText().equals(state)) {
                return key.get("kid").asText();
            }
        }
        throw new AssertionError("no " + state + " key in " + listing);
    }

    private List<String> publishedKids(long serviceId) throws Exception {
        return JWKSet.parse(grantsmith.keys().jwks(serviceId, false, false).orElse("{\"keys\":[]}")).getKeys().stream()
                .map(JWK::getKeyID).toList();
    }

    /** A relying party fetching the service's JWK Set now and verifying the token's signature with it. */
    private boolean relyingPartyAccepts(long serviceId, SignedJwt token) throws Exception {
        JWKSet set = JWKSet.parse(grantsmith.keys().jwks(serviceId, false, false).orElse("{\"keys\":[]}"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(set)));
        try {
            processor.process(token.compact(), null);
            return true;
        } catch (BadJOSEException e) {
            return false;
        }
    }

    private static void assertFailure(Runnable call, ApiResultCode code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiFailure.class, failure -> {
            assertThat(failure.code()).isEqualTo(code);
            assertThat(failure.resultMessage("/x")).contains(messagePart);
        });
    }

    private static String kidOf(String jwk) {
        try {
            return JWK.parse(jwk).getKeyID();
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
