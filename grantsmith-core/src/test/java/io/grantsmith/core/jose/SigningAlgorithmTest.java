package io.grantsmith.core.jose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SigningAlgorithmTest {
    @Test
    void whenHalfHashIsTakenForRs256ThenItMatchesOpenIdConnectCoresExamples() {
        // OpenID Connect Core 1.0, Appendix A.4 (code id_token) and A.5 (id_token token)
        assertThat(SigningAlgorithm.RS256.halfHash("Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk"))
                .isEqualTo("LDktKdoQak3Pk0cnXxCltA");
        assertThat(SigningAlgorithm.RS256.halfHash("jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"))
                .isEqualTo("77QmUPtjPfzWtF2AnpK9RQ");
    }

    @Test
    void whenHalfHashIsTakenForEdDsaThenItIsTheLeftHalfOfSha512() throws Exception {
        byte[] sha512 = MessageDigest.getInstance("SHA-512").digest("state-value".getBytes(StandardCharsets.US_ASCII));

        String hash = SigningAlgorithm.EdDSA.halfHash("state-value");

        assertThat(hash).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(sha512, 32)));
        assertThat(hash).hasSize(43);
        assertThat(SigningAlgorithm.ES256.halfHash("state-value")).hasSize(22);
    }

    @Test
    void whenWireNameIsLookedUpThenOnlyExactNamesMatch() {
        assertThat(SigningAlgorithm.ofWireName("EdDSA")).contains(SigningAlgorithm.EdDSA);
        assertThat(SigningAlgorithm.ofWireName("PS256")).contains(SigningAlgorithm.PS256);
        assertThat(SigningAlgorithm.ofWireName("rs256")).isEmpty();
        assertThat(SigningAlgorithm.ofWireName("HS256")).isEmpty();
        assertThat(SigningAlgorithm.ofWireName("none")).isEmpty();
        assertThat(SigningAlgorithm.ofWireName(null)).isEmpty();
        assertThat(SigningAlgorithm.DEFAULT).isEqualTo(SigningAlgorithm.RS256);
        assertThat(SigningAlgorithm.ES256.keyType().curve()).isEqualTo("P-256");
        assertThat(SigningAlgorithm.EdDSA.keyType().kty()).isEqualTo("OKP");
    }
}
