package io.grantsmith.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotedTest {

    @Test
    void whenValueIsNullThenTheQuoteIsEmpty() {
        assertThat(Quoted.of(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain|plain",
        "with spaces and 'quotes'|with spaces and 'quotes'",
        "caf\u00e9 \uD83D\uDE00|caf\u00e9 \uD83D\uDE00",
    })
    void whenValueIsShortAndPrintableThenItIsKept(String value, String expected) {
        assertThat(Quoted.of(value)).isEqualTo(expected);
    }

    @Test
    void whenValueHasControlCharactersThenEachIsReplaced() {
        assertThat(Quoted.of("line\nbreak\rtab\tnul\u0000del\u007fnel\u0085"))
                .isEqualTo("line?break?tab?nul?del?nel?");
    }

    @Test
    void whenValueHasTheMaximumLengthThenItIsKeptWhole() {
        String value = "x".repeat(Quoted.MAX_LENGTH);

        assertThat(Quoted.of(value)).isEqualTo(value);
    }

    @Test
    void whenValueIsLongerThanTheMaximumThenItIsCutAndMarked() {
        String value = "y".repeat(Quoted.MAX_LENGTH) + "tail";

        assertThat(Quoted.of(value)).isEqualTo("y".repeat(Quoted.MAX_LENGTH) + "...");
    }

    @Test
    void whenTheCutFallsInsideASurrogatePairThenThePairIsLeftOutWhole() {
        String value = "z".repeat(Quoted.MAX_LENGTH - 1) + "\uD83D\uDE00" + "tail";

        String quoted = Quoted.of(value);

        assertThat(quoted).isEqualTo("z".repeat(Quoted.MAX_LENGTH - 1) + "...");
        assertWellFormed(quoted);
    }

    @Test
    void whenValueHasUnpairedSurrogatesThenTheyAreReplaced() {
        assertThat(Quoted.of("a\uD800b\uDC00c\uD83D")).isEqualTo("a?b?c?");
    }

    private static void assertWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).isFalse();
            }
        }
    }
}
