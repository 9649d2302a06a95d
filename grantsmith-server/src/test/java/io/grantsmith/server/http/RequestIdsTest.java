package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An {@code X-Request-Id} from outside is kept when it is a plain token, and replaced when it could mislead a log. */
class RequestIdsTest {
    @Test
    void saneIdsAreKept() {
        for (String id : new String[] {"abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "Root=1-5e1b4151-5ac6",
                "node1:42", "a".repeat(RequestIds.MAX_LENGTH)}) {
            assertThat(RequestIds.acceptOrCreate(id)).isEqualTo(id);
        }
    }

    @Test
    void otherIdsAreReplacedWithANewOne() {
        for (String id : new String[] {null, "", "has space", "quote\"", "new\nline", "{\"json\":1}", "é",
                "a".repeat(RequestIds.MAX_LENGTH + 1)}) {
            String created = RequestIds.acceptOrCreate(id);
            assertThat(created).isNotEqualTo(id).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void createdIdsDiffer() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(RequestIds.create());
        }
        assertThat(ids).hasSize(10_000);
    }
}
