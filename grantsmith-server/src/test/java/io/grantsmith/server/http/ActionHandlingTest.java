package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action the engine can return has a documented answer at {@code /as} (Authlete's authorization-server
 * guidance, reference/authlete-token-api.md §4). A new action fails here until it has a row.
 */
class ActionHandlingTest {
    private static final Map<TokenResponse.Action, ActionHandling> DOCUMENTED =
            new EnumMap<>(TokenResponse.Action.class);

    static {
        DOCUMENTED.put(TokenResponse.Action.OK, ActionHandling.SEND_OK);
        DOCUMENTED.put(TokenResponse.Action.ID_TOKEN_REISSUABLE, ActionHandling.SEND_OK);
        DOCUMENTED.put(TokenResponse.Action.BAD_REQUEST, ActionHandling.SEND_BAD_REQUEST);
        DOCUMENTED.put(TokenResponse.Action.INTERNAL_SERVER_ERROR, ActionHandling.SEND_SERVER_ERROR);
        DOCUMENTED.put(TokenResponse.Action.INVALID_CLIENT, ActionHandling.SEND_INVALID_CLIENT);
        DOCUMENTED.put(TokenResponse.Action.PASSWORD, ActionHandling.FINISH_PASSWORD);
        DOCUMENTED.put(TokenResponse.Action.TOKEN_EXCHANGE, ActionHandling.REFUSE_GRANT_TYPE);
        DOCUMENTED.put(TokenResponse.Action.JWT_BEARER, ActionHandling.REFUSE_GRANT_TYPE);
        DOCUMENTED.put(TokenResponse.Action.NATIVE_SSO, ActionHandling.REFUSE_NATIVE_SSO);
    }

    @ParameterizedTest
    @EnumSource(TokenResponse.Action.class)
    void whenEngineReturnsAnActionThenTheEndpointAnswersAsDocumented(TokenResponse.Action action) {
        assertThat(DOCUMENTED).as("documented handling of %s", action).containsKey(action);
        assertThat(ActionHandling.of(action)).isEqualTo(DOCUMENTED.get(action));
    }

    @ParameterizedTest
    @EnumSource(TokenIssueResponse.Action.class)
    void whenIssueFinishesAPasswordGrantThenEveryActionHasAStatus(TokenIssueResponse.Action action) {
        Map<TokenIssueResponse.Action, Integer> documented = Map.of(TokenIssueResponse.Action.OK, 200,
                TokenIssueResponse.Action.INTERNAL_SERVER_ERROR, 500);

        assertThat(documented).as("documented status after issue with %s", action).containsKey(action);
        assertThat(ActionHandling.statusAfterIssue(action)).isEqualTo(documented.get(action));
    }

    @ParameterizedTest
    @EnumSource(TokenResponse.Action.class)
    void whenFailRefusesAPasswordGrantThenOnlyRefusalsHaveAStatus(TokenResponse.Action action) {
        if (action == TokenResponse.Action.BAD_REQUEST || action == TokenResponse.Action.INTERNAL_SERVER_ERROR) {
            assertThat(ActionHandling.statusAfterFail(action))
                    .isEqualTo(action == TokenResponse.Action.BAD_REQUEST ? 400 : 500);
        } else {
            assertThatThrownBy(() -> ActionHandling.statusAfterFail(action))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void whenHandlingIsListedThenEachIsUsedBySomeAction() {
        assertThat(DOCUMENTED.values()).containsAll(List.of(ActionHandling.values()));
    }
}
