package io.grantsmith.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Client#numericId}: the one reading of a presented client ID as a number, shared by the token endpoint's
 * and the authorization endpoint's client lookup. Anything it does not read as a number can only be an alias.
 */
class ClientNumericIdTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "42", "007", "9223372036854775807"})
    void whenTheIdIsDigitsThatFitALongThenItIsThatNumber(String id) {
        assertThat(Client.numericId(id)).contains(Long.parseLong(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "+42", "-42", "4 2", "42a", "my-app", "٤٢", "9223372036854775808",
        "00000000000000000001"})
    void whenTheIdIsNotPlainDigitsOrTooLargeThenItIsNoNumber(String id) {
        assertThat(Client.numericId(id)).isEmpty();
    }
}
