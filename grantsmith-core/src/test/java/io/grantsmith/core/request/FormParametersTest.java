package io.grantsmith.core.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FormParametersTest {

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "v=plain|plain",
        "v=read+write|read write",
        "v=read%20write|read write",
        "v=a%2Bb|a+b",
        "v=%26%3D%25|&=%",
        "v=%c3%a9t%C3%A9|été",
        "v=%F0%9F%98%80|\uD83D\uDE00",
        "v=caf\u00e9+%C3%A9|café é",
        "v=\uD83D\uDE00+%F0%9F%98%80|\uD83D\uDE00 \uD83D\uDE00",
        "v=x\uD83D\uDE00%20y\uD83D\uDE00z|x\uD83D\uDE00 y\uD83D\uDE00z",
        "v=a=b=c|a=b=c",
    })
    void whenValueIsEncodedThenItIsDecodedAsUtf8(String encoded, String expected) {
        assertThat(FormParameters.parse(encoded).first("v")).isEqualTo(expected);
    }

    @Test
    void whenNameIsEncodedThenItIsDecodedToo() {
        assertThat(FormParameters.parse("grant%5Ftype=x&a+b=y").names()).containsExactly("grant_type", "a b");
    }

    @Test
    void whenParameterRepeatsThenEveryValueIsKeptInOrder() {
        FormParameters parameters = FormParameters.parse("resource=1&scope=s&resource=2&resource=1");

        assertThat(parameters.count("resource")).isEqualTo(3);
        assertThat(parameters.all("resource")).containsExactly("1", "2", "1");
        assertThat(parameters.first("resource")).isEqualTo("1");
        assertThat(parameters.names()).containsExactly("resource", "scope");
    }

    @Test
    void whenSegmentsAreEmptyOrLackAValueThenTheyAreSkippedOrEmpty() {
        FormParameters parameters = FormParameters.parse("&a=1&&flag&b=&");

        assertThat(parameters.names()).containsExactly("a", "flag", "b");
        assertThat(parameters.first("flag")).isEmpty();
        assertThat(parameters.first("b")).isEmpty();
        assertThat(parameters.optional("b")).isNull();
        assertThat(parameters.optional("a")).isEqualTo("1");
    }

    @Test
    void whenParameterIsAbsentThenLookupsSaySo() {
        FormParameters parameters = FormParameters.parse("a=1");

        assertThat(parameters.count("z")).isZero();
        assertThat(parameters.first("z")).isNull();
        assertThat(parameters.optional("z")).isNull();
        assertThat(parameters.all("z")).isEmpty();
    }

    @Test
    void whenNothingButSeparatorsThenParametersAreEmpty() {
        assertThat(FormParameters.parse("").isEmpty()).isTrue();
        assertThat(FormParameters.parse("&&").isEmpty()).isTrue();
        assertThat(FormParameters.parse("=x").isEmpty()).isFalse();
    }

    @Test
    void whenValuesAreReturnedThenTheyCannotBeModified() {
        FormParameters parameters = FormParameters.parse("a=1&a=2");

        assertThatThrownBy(() -> parameters.all("a").add("3")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> parameters.names().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "a=%", "a=%4", "a=b%", "a=%G1", "a=%1G", "%zz=1", "a=%C3", "a=%C3%28", "a=%FF",
        "a=%80", "a=%C0%AF", "a=%ED%A0%80", "a=%F0%9F%98"})
    void whenEncodingIsBrokenThenParsingFails(String encoded) {
        assertThatThrownBy(() -> FormParameters.parse(encoded)).isInstanceOf(MalformedParametersException.class);
    }

    @Test
    void whenEncodingIsBrokenThenTheMessageQuotesNoInput() {
        assertThatThrownBy(() -> FormParameters.parse("client_secret=hunter2%zz"))
                .isInstanceOf(MalformedParametersException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void whenThereAreAtMostTheMaximumParametersThenTheyParse() {
        assertThat(FormParameters.parse(parameters(FormParameters.MAX_PARAMETERS, "x")).names())
                .hasSize(FormParameters.MAX_PARAMETERS);
    }

    @Test
    void whenThereAreTooManyParametersThenParsingFailsAndRepeatsCount() {
        assertThatThrownBy(() -> FormParameters.parse(parameters(FormParameters.MAX_PARAMETERS + 1, "x")))
                .isInstanceOf(MalformedParametersException.class);
        String repeated = "a=1&".repeat(FormParameters.MAX_PARAMETERS) + "a=1";
        assertThatThrownBy(() -> FormParameters.parse(repeated)).isInstanceOf(MalformedParametersException.class);
    }

    @Test
    void whenBuiltFromSingleValuesThenOrderAndValuesAreKept() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("grant_type", "password");
        values.put("username", "a b");

        FormParameters parameters = FormParameters.of(values);

        assertThat(parameters.names()).containsExactly("grant_type", "username");
        assertThat(parameters.all("username")).isEqualTo(List.of("a b"));
    }

    private static String parameters(int count, String prefix) {
        StringJoiner joined = new StringJoiner("&");
        for (int i = 0; i < count; i++) {
            joined.add(prefix + i + "=" + i);
        }
        return joined.toString();
    }
}
