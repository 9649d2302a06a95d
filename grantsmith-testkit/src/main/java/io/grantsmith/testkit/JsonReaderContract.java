package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link JsonReader} must do; an implementation's test extends this and names the reader. */
public abstract class JsonReaderContract {
    protected abstract JsonReader reader();

    @Test
    void whenTextIsAnObjectThenItBecomesAnOrderedMapOfPlainJavaValues() throws MalformedJsonException {
        Object value = reader().parse(" {\"z\":1,\"a\":[true,null,\"s\",2.5,-7,{}],\"m\":{\"k\":false},"
                + "\"big\":12345678901234567890,\"long\":9223372036854775807} ");

        assertThat(value).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        assertThat(object.keySet()).containsExactly("z", "a", "m", "big", "long");
        assertThat(object.get("z")).isEqualTo(1L);
        assertThat(object.get("a")).isEqualTo(Arrays.asList(true, null, "s", 2.5, -7L, Map.of()));
        assertThat(object.get("m")).isEqualTo(Map.of("k", false));
        assertThat(object.get("big")).isEqualTo(1.2345678901234567e19);
        assertThat(object.get("long")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void whenTextIsAScalarThenItIsReturnedAsIs() throws MalformedJsonException {
        assertThat(reader().parse("\"caf\\u00e9\"")).isEqualTo("caf\u00e9");
        assertThat(reader().parse("null")).isNull();
        assertThat(reader().parse("[]")).isEqualTo(List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "{", "{\"a\":}", "{a:1}", "{'a':1}", "{} {}", "{}x", "[1,]", "tru",
            "{\"a\":1,\"a\":2}", "\"unterminated"})
    void whenTextIsNotExactlyOneJsonValueThenItIsMalformed(String text) {
        assertThatThrownBy(() -> reader().parse(text)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void whenNestingIsDeeperThanAnyRequestNeedsThenItIsMalformedNotAStackOverflow() {
        char[] open = new char[10_000];
        Arrays.fill(open, '[');

        assertThatThrownBy(() -> reader().parse(new String(open))).isInstanceOf(MalformedJsonException.class);
    }
}
