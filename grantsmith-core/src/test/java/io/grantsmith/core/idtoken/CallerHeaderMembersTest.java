package io.grantsmith.core.idtoken;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerHeaderMembersTest {
    @Test
    void whenMembersAreInformationalThenTheyAreAccepted() {
        assertThat(CallerHeaderMembers.acceptable(Map.of("typ", "JWT", "cty", "x", "x-custom", 1))).isTrue();
        assertThat(CallerHeaderMembers.acceptable(Map.of())).isTrue();
    }

    @Test
    void whenAMemberIsTheKeysOrChangesProcessingOrIsMistypedThenItIsRefused() {
        for (String name : List.of("alg", "kid", "crit", "b64", "jwk", "jku", "x5u", "x5c", "x5t", "x5t#S256",
                "enc", "zip")) {
            assertThat(CallerHeaderMembers.acceptable(Map.of(name, "v"))).as(name).isFalse();
        }
        assertThat(CallerHeaderMembers.acceptable(Map.of("typ", 1))).isFalse();
        assertThat(CallerHeaderMembers.acceptable(Map.of("cty", List.of("a")))).isFalse();
    }
}
