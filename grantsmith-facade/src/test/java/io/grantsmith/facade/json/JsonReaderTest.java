package io.grantsmith.facade.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import io.grantsmith.testkit.JsonReaderContract;
import io.grantsmith.testkit.TestJsonReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Both implementations of the engine's JSON port keep its contract. */
class JsonReaderTest {
    @Nested
    class Jackson extends JsonReaderContract {
        @Override
        protected JsonReader reader() {
            return new JacksonJsonReader();
        }

        @Test
        void whenTextIsLongerThanTheCapThenItIsRefusedUnparsed() {
            String text = "\"" + "a".repeat(JacksonJsonReader.MAX_LENGTH) + "\"";

            assertThatThrownBy(() -> reader().parse(text)).isInstanceOf(MalformedJsonException.class)
                    .hasMessageContaining("longer than");
        }
    }

    @Nested
    class Testkit extends JsonReaderContract {
        @Override
        protected JsonReader reader() {
            return new TestJsonReader();
        }
    }
}
