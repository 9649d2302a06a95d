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
        String successor = new RefreshTokenSuccessors(KEY).successorOf(TOKEN);

        assertThat(new RefreshTokenSuccessors(KEY.clone()).successorOf(TOKEN)).isEqualTo(successor);
        assertThat(successor).hasSize(43).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(TOKEN);
        assertThat(TokenValues.isValidCallerChosen(successor)).isTrue();
    }

    @Test
    void whenTokenDiffersThenTheSuccessorDiffers() {
        RefreshTokenSuccessors successors = new RefreshTokenSuccessors(KEY);

        assertThat(successors.successorOf(TOKEN)).isNotEqualTo(successors.successorOf(TOKEN + "x"));
        assertThat(successors.successorOf(successors.successorOf(TOKEN))).isNotEqualTo(successors.successorOf(TOKEN));
    }

    @Test
    void whenSecretDiffersThenTheSuccessorDiffers() {
        assertThat(new RefreshTokenSuccessors(OTHER_KEY).successorOf(TOKEN))
                .isNotEqualTo(new RefreshTokenSuccessors(KEY).successorOf(TOKEN));
    }

    @Test
    void whenSecretArrayChangesAfterConstructionThenSuccessorsDoNot() {
        byte[] key = KEY.clone();
        RefreshTokenSuccessors successors = new RefreshTokenSuccessors(key);
        String before = successors.successorOf(TOKEN);

        key[0] ^= 1;

        assertThat(successors.successorOf(TOKEN)).isEqualTo(before);
    }

    @Test
    void whenSecretIsShorterThan256BitsThenItIsRefused() {
        assertThatThrownBy(() -> new RefreshTokenSuccessors(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RefreshTokenSuccessors(new byte[32]).successorOf(TOKEN)).hasSize(43);
    }
}
