package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.core.error.FailureKind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action of {@code /auth/introspection/standard} and {@code /auth/revocation}, and every refusal of the
 * introspection endpoint's caller, has the answer Authlete documents for an authorization server
 * (reference/authlete-authorization-api.md §7.3, §8). A new action fails here until it has a row.
 */
class IntrospectionHandlingTest {
    private static final Map<StandardIntrospectionResponse.Action, IntrospectionHandling> STANDARD =
            new EnumMap<>(StandardIntrospectionResponse.Action.class);
    private static final Map<RevocationResponse.Action, IntrospectionHandling> REVOCATION =
            new EnumMap<>(RevocationResponse.Action.class);
    private static final Map<FailureKind, IntrospectionHandling> CALLER = new EnumMap<>(FailureKind.class);

    static {
        STANDARD.put(StandardIntrospectionResponse.Action.OK, IntrospectionHandling.SEND_JSON);
        STANDARD.put(StandardIntrospectionResponse.Action.JWT, IntrospectionHandling.SEND_JWT);
        STANDARD.put(StandardIntrospectionResponse.Action.BAD_REQUEST, IntrospectionHandling.SEND_BAD_REQUEST);
        STANDARD.put(StandardIntrospectionResponse.Action.INTERNAL_SERVER_ERROR,
                IntrospectionHandling.SEND_SERVER_ERROR);
        REVOCATION.put(RevocationResponse.Action.OK, IntrospectionHandling.SEND_EMPTY);
        REVOCATION.put(RevocationResponse.Action.BAD_REQUEST, IntrospectionHandling.SEND_BAD_REQUEST);
        REVOCATION.put(RevocationResponse.Action.INVALID_CLIENT, IntrospectionHandling.SEND_INVALID_CLIENT);
        REVOCATION.put(RevocationResponse.Action.INTERNAL_SERVER_ERROR, IntrospectionHandling.SEND_SERVER_ERROR);
        CALLER.put(FailureKind.BAD_REQUEST, IntrospectionHandling.SEND_BAD_REQUEST);
        CALLER.put(FailureKind.INVALID_CLIENT, IntrospectionHandling.SEND_INVALID_CLIENT);
        CALLER.put(FailureKind.INTERNAL_SERVER_ERROR, IntrospectionHandling.SEND_SERVER_ERROR);
    }

    @ParameterizedTest
    @EnumSource(StandardIntrospectionResponse.Action.class)
    void whenStandardIntrospectionReturnsAnActionThenTheEndpointAnswersAsDocumented(
            StandardIntrospectionResponse.Action action) {
        assertThat(STANDARD).as("documented handling of %s", action).containsKey(action);
        assertThat(IntrospectionHandling.of(action)).isEqualTo(STANDARD.get(action));
    }

    @ParameterizedTest
    @EnumSource(RevocationResponse.Action.class)
    void whenRevocationReturnsAnActionThenTheEndpointAnswersAsDocumented(RevocationResponse.Action action) {
        assertThat(REVOCATION).as("documented handling of %s", action).containsKey(action);
        assertThat(IntrospectionHandling.of(action)).isEqualTo(REVOCATION.get(action));
    }

    @ParameterizedTest
    @EnumSource(FailureKind.class)
    void whenTheCallerIsRefusedThenTheEndpointAnswersWithTheRefusalsStatus(FailureKind kind) {
        assertThat(CALLER).as("documented handling of %s", kind).containsKey(kind);
        assertThat(IntrospectionHandling.of(kind)).isEqualTo(CALLER.get(kind));
    }

    @Test
    void whenHandlingIsListedThenEachIsUsedWithItsStatus() {
        Set<IntrospectionHandling> used = EnumSet.noneOf(IntrospectionHandling.class);
        used.addAll(STANDARD.values());
        used.addAll(REVOCATION.values());
        used.addAll(CALLER.values());
        assertThat(used).containsExactlyInAnyOrder(IntrospectionHandling.values());
        assertThat(IntrospectionHandling.SEND_EMPTY.status()).isEqualTo(200);
        assertThat(IntrospectionHandling.SEND_BAD_REQUEST.status()).isEqualTo(400);
        assertThat(IntrospectionHandling.SEND_INVALID_CLIENT.status()).isEqualTo(401);
        assertThat(IntrospectionHandling.SEND_SERVER_ERROR.status()).isEqualTo(500);
    }
}
