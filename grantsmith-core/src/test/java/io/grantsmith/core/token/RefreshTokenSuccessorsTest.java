package io.grantsmith.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RefreshTokenSuccessorsTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "0123456789abcdef0123456789abcdeX".getBytes(StandardCharsets.US_ASCII);
    private static final String TOKEN = "d1Vq5lq0Yr3dQfK3qH7m1jX1oZkS9gA0bC2eR4tU6wY";

    @Test
    void whenSameTokenAndSecretThenTheSuccessorIsTheSameEvenAcrossInstances() {
        byte[] successor = new RefreshTokenSuccessors(KEY).secretOf(TOKEN);

        assertThat(new RefreshTokenSuccessors(KEY.clone()).secretOf(TOKEN)).isEqualTo(successor);
        assertThat(successor).hasSize(TokenFormat.SECRET_BYTES);
        assertThat(TokenValues.keyed(42, successor).value()).isNotEqualTo(TOKEN).hasSize(TokenFormat.LENGTH);
    }

    @Test
    void whenTokenDiffersThenTheSuccessorDiffers() {
        RefreshTokenSuccessors successors = new RefreshTokenSuccessors(KEY);

        assertThat(successors.secretOf(TOKEN)).isNotEqualTo(successors.secretOf(TOKEN + "x"));
        String successorValue = TokenValues.keyed(7, successors.secretOf(TOKEN)).value();
        assertThat(successors.secretOf(successorValue)).isNotEqualTo(successors.secretOf(TOKEN));
    }

    @Test
    void whenSecretDiffersThenTheSuccessorDiffers() {
        assertThat(new RefreshTokenSuccessors(OTHER_KEY).secretOf(TOKEN))
                .isNotEqualTo(new RefreshTokenSuccessors(KEY).secretOf(TOKEN));
    }

    @Test
    void whenSecretArrayChangesAfterConstructionThenSuccessorsDoNot() {
        byte[] key = KEY.clone();
        RefreshTokenSuccessors successors = new RefreshTokenSuccessors(key);
        byte[] before = successors.secretOf(TOKEN);

        key[0] ^= 1;

        assertThat(successors.secretOf(TOKEN)).isEqualTo(before);
    }

    @Test
    void whenSecretIsShorterThan256BitsThenItIsRefused() {
        assertThatThrownBy(() -> new RefreshTokenSuccessors(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RefreshTokenSuccessors(new byte[32]).secretOf(TOKEN)).hasSize(32);
    }
}
