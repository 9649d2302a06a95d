package io.grantsmith.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import io.grantsmith.core.jose.SigningAlgorithm;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class JwkGeneratorTest {
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void whenKeyIsGeneratedThenItsKidIsItsThumbprintAndItsPublicHalfHasNoPrivateMember(SigningAlgorithm algorithm)
            throws Exception {
        JwkPair pair = TestKeys.of(algorithm);

        JWK privateKey = JWK.parse(pair.privateJwk().reveal());
        JWK publicKey = JWK.parse(pair.publicJwk());
        assertThat(privateKey.isPrivate()).isTrue();
        assertThat(publicKey.isPrivate()).isFalse();
        assertThat(publicKey).isEqualTo(privateKey.toPublicJWK());
        assertThat(pair.kid()).isEqualTo(publicKey.computeThumbprint().toString()).isEqualTo(publicKey.getKeyID());
        assertThat(publicKey.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
        assertThat(publicKey.getAlgorithm().getName()).isEqualTo(algorithm.wireName());
        assertThat(publicKey.getKeyType().getValue()).isEqualTo(algorithm.keyType().kty());
        if (algorithm.keyType() == SigningAlgorithm.KeyType.RSA) {
            assertThat(publicKey.size()).isEqualTo(2048);
        }
        assertThat(pair.privateJwk().toString()).doesNotContain(pair.privateJwk().reveal());
    }
}
