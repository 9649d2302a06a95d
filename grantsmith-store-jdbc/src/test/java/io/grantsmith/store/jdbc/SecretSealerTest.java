package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.spi.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
    private static final String SECRET = "s3cret-Ünïcode-~_";
    private static final long CLIENT = 4711;

    private final SecretSealer sealer = new SecretSealer(SealingKey.of(TestStores.filled(1)), new SecureRandom());

    @Test
    void whenSealedThenUnsealingGivesTheSecretBack() {
        byte[] sealed = sealer.seal(CLIENT, ClientSecret.of(SECRET));

        assertThat(sealer.unseal(CLIENT, sealed).reveal()).isEqualTo(SECRET);
    }

    @Test
    void whenSealedTwiceThenTheValuesDifferAndNeitherContainsTheSecret() {
        byte[] first = sealer.seal(CLIENT, ClientSecret.of(SECRET));
        byte[] second = sealer.seal(CLIENT, ClientSecret.of(SECRET));

        assertThat(first).isNotEqualTo(second);
        assertThat(first[0]).as("version byte").isEqualTo((byte) 1);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
    }

    @Test
    void whenAnyByteIsAlteredThenUnsealingFails() {
        byte[] sealed = sealer.seal(CLIENT, ClientSecret.of(SECRET));

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> sealer.unseal(CLIENT, tampered)).as("byte %d altered", i)
                    .isInstanceOf(StoreException.class);
        }
    }

    @Test
    void whenTheKeyIsWrongThenUnsealingFailsWithoutRevealingAnything() {
        byte[] sealed = sealer.seal(CLIENT, ClientSecret.of(SECRET));
        SecretSealer other = new SecretSealer(SealingKey.of(TestStores.filled(2)), new SecureRandom());

        assertThatThrownBy(() -> other.unseal(CLIENT, sealed))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("client " + CLIENT)
                .hasMessageContaining("wrong sealing key")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void whenTheSealedValueIsMovedToAnotherClientThenUnsealingFails() {
        byte[] sealed = sealer.seal(CLIENT, ClientSecret.of(SECRET));

        assertThatThrownBy(() -> sealer.unseal(CLIENT + 1, sealed)).isInstanceOf(StoreException.class);
    }

    @Test
    void whenTheValueIsTruncatedOrOfAnUnknownVersionThenUnsealingFails() {
        byte[] sealed = sealer.seal(CLIENT, ClientSecret.of(SECRET));
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;

        assertThatThrownBy(() -> sealer.unseal(CLIENT, new byte[0])).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> sealer.unseal(CLIENT, Arrays.copyOf(sealed, 20)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> sealer.unseal(CLIENT, otherVersion))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown format");
    }

    @Test
    void whenAKeyHasTheWrongLengthThenItIsRejected() {
        assertThatThrownBy(() -> SealingKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(SealingKey.of(TestStores.filled(3)).toString()).doesNotContain("3");
    }
}
