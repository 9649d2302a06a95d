package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.grantsmith.core.jose.SigningAlgorithm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class JwkSetImportTest {
    private static String set(String... keys) {
        return "{\"keys\":[" + String.join(",", keys) + "]}";
    }

    private static JWK jwk(SigningAlgorithm algorithm) throws Exception {
        return JWK.parse(TestKeys.of(algorithm).privateJwk().reveal());
    }

    @Test
    void whenSetHoldsPrivateKeysOfEveryAlgorithmThenEachIsImportedWithItsKidAndAlgorithm() throws Exception {
        String json = set(jwk(SigningAlgorithm.RS256).toJSONString(), jwk(SigningAlgorithm.PS256).toJSONString(),
                jwk(SigningAlgorithm.ES256).toJSONString(), jwk(SigningAlgorithm.EdDSA).toJSONString());

        List<ImportedKey> keys = JwkSetImport.parse(json);

        assertThat(keys).extracting(ImportedKey::algorithm).containsExactly(SigningAlgorithm.values());
        assertThat(keys).extracting(ImportedKey::kid).containsExactly(TestKeys.of(SigningAlgorithm.RS256).kid(),
                TestKeys.of(SigningAlgorithm.PS256).kid(), TestKeys.of(SigningAlgorithm.ES256).kid(),
                TestKeys.of(SigningAlgorithm.EdDSA).kid());
        for (ImportedKey key : keys) {
            assertThat(key.hasPrivateKey()).isTrue();
            assertThat(JWK.parse(key.publicJwk()).isPrivate()).isFalse();
            assertThat(JWK.parse(key.toPair().privateJwk().reveal()).isPrivate()).isTrue();
        }
    }

    @Test
    void whenKeyLacksAlgUseAndKidThenTheTypeImpliesTheAlgorithmAndTheThumbprintBecomesTheKid() throws Exception {
        RSAKey bare = new RSAKey.Builder(jwk(SigningAlgorithm.RS256).toRSAKey()).algorithm(null).keyUse(null)
                .keyID(null).build();
        ECKey ec = new ECKey.Builder(jwk(SigningAlgorithm.ES256).toECKey()).algorithm(null).keyID(null).build();
        OctetKeyPair okp = new OctetKeyPair.Builder(jwk(SigningAlgorithm.EdDSA).toOctetKeyPair()).algorithm(null)
                .keyID(null).build();

        List<ImportedKey> keys = JwkSetImport.parse(set(bare.toJSONString(), ec.toJSONString(), okp.toJSONString()));

        assertThat(keys).extracting(ImportedKey::algorithm)
                .containsExactly(SigningAlgorithm.RS256, SigningAlgorithm.ES256, SigningAlgorithm.EdDSA);
        assertThat(keys.get(0).kid()).isEqualTo(bare.computeThumbprint().toString());
        JWK published = JWK.parse(keys.get(0).publicJwk());
        assertThat(published.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(published.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(published.getKeyID()).isEqualTo(keys.get(0).kid());
    }

    @Test
    void whenKeyHasOnlyItsPublicHalfThenItIsReadButCarriesNoPrivateKey() throws Exception {
        List<ImportedKey> keys = JwkSetImport.parse(set(jwk(SigningAlgorithm.ES256).toPublicJWK().toJSONString()));

        assertThat(keys).singleElement().satisfies(key -> {
            assertThat(key.hasPrivateKey()).isFalse();
            assertThat(key.samePublicKey(TestKeys.of(SigningAlgorithm.ES256).publicJwk())).isTrue();
            assertThat(key.samePublicKey(TestKeys.of(SigningAlgorithm.EdDSA).publicJwk())).isFalse();
        });
        assertThatThrownBy(() -> keys.get(0).toPair()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenSetIsUnusableThenTheReasonIsGivenWithoutQuotingKeyMaterial() throws Exception {
        RSAKey rsa = jwk(SigningAlgorithm.RS256).toRSAKey();
        RSAKey shortRsa = new RSAKeyGenerator(1024, true).generate();
        RSAKey otherRsa = jwk(SigningAlgorithm.PS256).toRSAKey();
        RSAKey mismatched = new RSAKey.Builder(rsa.getModulus(), rsa.getPublicExponent())
                .privateExponent(otherRsa.getPrivateExponent()).keyID("mixed").build();
        String p384 = new ECKeyGenerator(Curve.P_384).keyID("p384").generate().toJSONString();
        String x25519 = new OctetKeyPairGenerator(Curve.X25519).keyID("x").generate().toJSONString();
        String oct = new OctetSequenceKeyGenerator(256).keyID("hmac").generate().toJSONString();
        String encryption = new RSAKey.Builder(rsa).keyUse(KeyUse.ENCRYPTION).keyID("enc").build().toJSONString();
        String hs256OnRsa = new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.HS256).keyID("hs").build().toJSONString();
        String es256OnRsa = new RSAKey.Builder(rsa).algorithm(JWSAlgorithm.ES256).keyID("es").build().toJSONString();
        String tooMany = set(Collections.nCopies(JwkSetImport.MAX_KEYS + 1, jwk(SigningAlgorithm.EdDSA).toJSONString())
                .toArray(String[]::new));

        expectRefusal(null, "empty");
        expectRefusal(" ", "empty");
        expectRefusal("not json", "not a JSON object");
        expectRefusal("[]", "no 'keys' array");
        expectRefusal("{\"kty\":\"RSA\"}", "no 'keys' array");
        expectRefusal("{\"keys\":{}}", "no 'keys' array");
        expectRefusal(set("42"), "Key 1 of the JWK Set is not a JSON object");
        expectRefusal(set(oct), "Key 1 (kid 'hmac') is a symmetric key");
        expectRefusal(set("{\"kty\":\"XYZ\"}"), "no supported key type");
        expectRefusal(set("{\"kty\":\"RSA\",\"n\":\"AQAB\"}"), "is not a valid RSA key");
        expectRefusal(set(encryption), "is not a signing key (its 'use' is 'enc')");
        expectRefusal(set(shortRsa.toJSONString()), "is an RSA key of 1024 bits; at least 2048 are required");
        expectRefusal(set(p384), "Key 1 (kid 'p384') uses the curve 'P-384'");
        expectRefusal(set(x25519), "uses the curve 'X25519'");
        expectRefusal(set(hs256OnRsa), "has the algorithm 'HS256'; accepted are RS256, PS256, ES256 and EdDSA");
        expectRefusal(set(es256OnRsa), "has the algorithm ES256, which needs an EC P-256 key, not an RSA key");
        expectRefusal(set(mismatched.toJSONString()), "Key 1 (kid 'mixed') cannot sign");
        expectRefusal(set(jwk(SigningAlgorithm.ES256).toJSONString(), jwk(SigningAlgorithm.ES256).toJSONString()),
                "The key ID '" + TestKeys.of(SigningAlgorithm.ES256).kid() + "' appears more than once");
        expectRefusal(tooMany, "more than 32 keys");
        expectRefusal(set(new ECKey.Builder(jwk(SigningAlgorithm.ES256).toECKey()).keyID("").build().toJSONString()),
                "has a 'kid' that is empty");

        List<String> privateValues = List.of(rsa.getPrivateExponent().toString(),
                otherRsa.getPrivateExponent().toString(), shortRsa.getPrivateExponent().toString());
        for (String message : messages) {
            for (String privateValue : privateValues) {
                assertThat(message).doesNotContain(privateValue.substring(0, 16));
            }
        }
    }

    private final List<String> messages = new ArrayList<>();

    private void expectRefusal(String json, String reason) {
        assertThatThrownBy(() -> JwkSetImport.parse(json))
                .isInstanceOf(InvalidJwkSetException.class)
                .hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300))
                .satisfies(e -> messages.add(e.getMessage()));
    }
}
