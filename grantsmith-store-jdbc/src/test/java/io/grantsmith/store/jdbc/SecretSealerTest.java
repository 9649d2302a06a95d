package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.model.ClientSecret;
import io.grantsmith.core.spi.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SecretSealerTest {
    private static final String SECRET = "s3cret-Ünïcode-~_";
    private static final long SERVICE = 1001;
    private static final long CLIENT = 4711;

    private final SecretSealer sealer = new SecretSealer(SealingKey.of(TestStores.filled(1)), new SecureRandom());

    @Test
    void whenSealedThenUnsealingGivesTheSecretBack() {
        byte[] sealed = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));

        assertThat(sealer.unseal(SERVICE, CLIENT, sealed).reveal()).isEqualTo(SECRET);
    }

    @Test
    void whenSealedTwiceThenTheValuesDifferAndNeitherContainsTheSecret() {
        byte[] first = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));
        byte[] second = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));

        assertThat(first).isNotEqualTo(second);
        assertThat(first[0]).as("format byte").isEqualTo((byte) 2);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
    }

    @Test
    void whenAnyByteIsAlteredThenUnsealingFails() {
        byte[] sealed = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> sealer.unseal(SERVICE, CLIENT, tampered)).as("byte %d altered", i)
                    .isInstanceOf(StoreException.class);
        }
    }

    @Test
    void whenTheKeyIsWrongThenUnsealingFailsWithoutRevealingAnything() {
        byte[] sealed = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));
        SecretSealer other = new SecretSealer(SealingKey.of(TestStores.filled(2)), new SecureRandom());

        assertThatThrownBy(() -> other.unseal(SERVICE, CLIENT, sealed))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("client " + CLIENT)
                .hasMessageContaining("wrong sealing key")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void whenTheSealedValueIsMovedToAnotherClientThenUnsealingFails() {
        byte[] sealed = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));

        assertThatThrownBy(() -> sealer.unseal(SERVICE, CLIENT + 1, sealed)).isInstanceOf(StoreException.class);
    }

    @Test
    void whenTheClientIsMovedToAnotherServiceThenUnsealingFails() {
        byte[] sealed = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));

        assertThatThrownBy(() -> sealer.unseal(SERVICE + 1, CLIENT, sealed)).isInstanceOf(StoreException.class)
                .hasMessageContaining("altered or moved");
    }

    @Test
    void whenAValueOfFormatOneIsPresentedThenOnlyTheMigrationsOpenerAcceptsIt() {
        byte[] format1 = HexFormat.of().parseHex(RELEASE_0_1_SECRET_OF_5001);

        assertThat(sealer1().unsealFormat1(5001, format1).reveal()).isEqualTo("secret-of-5001");
        assertThatThrownBy(() -> sealer1().unseal(1001, 5001, format1)).isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown format");
        assertThatThrownBy(() -> sealer1().unsealFormat1(5002, format1)).isInstanceOf(StoreException.class);
    }

    @Test
    void whenTheValueIsTruncatedOrOfAnUnknownVersionThenUnsealingFails() {
        byte[] sealed = sealer.seal(SERVICE, CLIENT, ClientSecret.of(SECRET));
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 3;

        assertThatThrownBy(() -> sealer.unseal(SERVICE, CLIENT, new byte[0])).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> sealer.unseal(SERVICE, CLIENT, Arrays.copyOf(sealed, 20)))
                .isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> sealer.unseal(SERVICE, CLIENT, otherVersion))
                .isInstanceOf(StoreException.class).hasMessageContaining("unknown format");
    }

    @Test
    void whenAKeyHasTheWrongLengthThenItIsRejected() {
        assertThatThrownBy(() -> SealingKey.of(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(SealingKey.of(TestStores.filled(3)).toString()).doesNotContain("3");
    }

    /** Client 5001's secret as release 0.1 sealed it under {@link TestStores#KEY} (from db/release-0.1.sql). */
    private static final String RELEASE_0_1_SECRET_OF_5001 =
            "018f0773749e6322494404e57d7ef59792fb1dff305be1d741fb1847cb8a12c41d07fb9fda95c331c2735a";

    private static SecretSealer sealer1() {
        return new SecretSealer(TestStores.KEY, new SecureRandom());
    }
}
