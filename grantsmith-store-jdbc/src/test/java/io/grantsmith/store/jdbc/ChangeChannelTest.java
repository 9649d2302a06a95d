package io.grantsmith.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The change channel's name: within PostgreSQL's 63 bytes for any schema, and the same on every node. */
class ChangeChannelTest {
    @Test
    void whenTheSchemaIsShortAsciiThenTheChannelNamesIt() {
        assertThat(JdbcStores.changeChannel("public")).isEqualTo("grantsmith:public");
    }

    @Test
    void whenTheSchemaHasMultiByteCharactersThenTheChannelIsAHashWithinTheByteLimit() {
        String schema = "\u30b0\u30e9\u30f3\u30c8".repeat(5) + "\ud83d\ude00"; // 33 chars, 75 bytes
        assertThat(("grantsmith:" + schema).length()).as("what a count of chars let through").isLessThan(63);
        assertThat(("grantsmith:" + schema).getBytes(StandardCharsets.UTF_8).length).isGreaterThan(63);

        String channel = JdbcStores.changeChannel(schema);

        assertThat(channel).matches("gs_[0-9a-f]{32}");
        assertThat(channel.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63);
        assertThat(JdbcStores.changeChannel(schema)).as("deterministic").isEqualTo(channel);
    }

    @Test
    void whenLongSchemasDifferAnywhereThenTheirChannelsDiffer() {
        String base = "a".repeat(100);
        String channel = JdbcStores.changeChannel("x" + base);

        assertThat(channel).matches("gs_[0-9a-f]{32}");
        assertThat(JdbcStores.changeChannel("y" + base)).isNotEqualTo(channel);
    }
}
