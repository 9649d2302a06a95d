package io.grantsmith.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenValuesTest {
    private final TokenValues values = new TokenValues(new SecureRandom(),
            new TokenIds(java.time.Clock.systemUTC(), new SecureRandom()));

    @Test
    void whenValuesAreMintedThenEachIs256BitsOfBase64UrlAndDistinct() {
        Set<String> minted = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String value = values.newValue();
            assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]{43}");
            assertThat(TokenValues.isValidCallerChosen(value)).isTrue();
            minted.add(value);
        }
        assertThat(minted).hasSize(100);
    }

    @Test
    void whenTokensAreMintedThenEachCarriesAFreshKeyAnd256RandomBitsAndItsHash() {
        TokenValue first = values.newToken();
        TokenValue second = values.newToken();

        assertThat(first.value()).hasSize(TokenFormat.LENGTH).matches("[A-Za-z0-9_-]{54}");
        assertThat(TokenFormat.keyOf(first.value())).isEqualTo(first.key()).isPositive();
        assertThat(second.key()).isGreaterThan(first.key());
        assertThat(first.hash()).isEqualTo(TokenHasher.hash(first.value()));
        assertThat(first.callerChosen()).isFalse();
        assertThat(first.toString()).doesNotContain(first.value());
    }

    @Test
    void whenCallerChoosesAValueThenItKeepsTheValueUnderAFreshKey() {
        TokenValue chosen = values.callerChosen("my-own-token");

        assertThat(chosen.value()).isEqualTo("my-own-token");
        assertThat(chosen.callerChosen()).isTrue();
        assertThat(chosen.key()).isPositive();
        assertThat(chosen.hash()).isEqualTo(TokenHasher.hash("my-own-token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc", "A-._~+/9", "abc=", "abc==", "0123456789", "Zz"})
    void whenValueIsB64TokenThenTheCallerMayChooseIt(String value) {
        assertThat(TokenValues.isValidCallerChosen(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"=", "==abc", "=abc", "a=b", "abc=d", "a b", "a\n", "tab\t", "caf\u00e9", "a,b", "a;b",
        "\"quoted\"", "a%20b"})
    void whenValueIsNotB64TokenThenTheCallerMayNotChooseIt(String value) {
        assertThat(TokenValues.isValidCallerChosen(value)).isFalse();
    }

    @Test
    void whenValueIsLongerThanTheLimitThenTheCallerMayNotChooseIt() {
        assertThat(TokenValues.isValidCallerChosen("a".repeat(TokenValues.MAX_CALLER_CHOSEN_LENGTH))).isTrue();
        assertThat(TokenValues.isValidCallerChosen("a".repeat(TokenValues.MAX_CALLER_CHOSEN_LENGTH + 1))).isFalse();
        assertThat(TokenValues.isValidCallerChosen("a".repeat(TokenValues.MAX_CALLER_CHOSEN_LENGTH - 1) + "="))
                .isTrue();
    }
}
