package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationResponse;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action of the authorization API has the answer Authlete documents for an authorization endpoint
 * (reference/authlete-authorization-api.md §2.3, §3.2, §4). A new action fails here until it has a row.
 */
class AuthorizationActionHandlingTest {
    private static final Map<AuthorizationResponse.Action, AuthorizationActionHandling> AUTHORIZATION =
            new EnumMap<>(AuthorizationResponse.Action.class);
    private static final Map<AuthorizationIssueResponse.Action, AuthorizationActionHandling> ISSUE =
            new EnumMap<>(AuthorizationIssueResponse.Action.class);
    private static final Map<AuthorizationFailResponse.Action, AuthorizationActionHandling> FAIL =
            new EnumMap<>(AuthorizationFailResponse.Action.class);

    static {
        AUTHORIZATION.put(AuthorizationResponse.Action.INTERNAL_SERVER_ERROR, AuthorizationActionHandling.SEND_SERVER_ERROR);
        AUTHORIZATION.put(AuthorizationResponse.Action.BAD_REQUEST, AuthorizationActionHandling.SEND_BAD_REQUEST);
        AUTHORIZATION.put(AuthorizationResponse.Action.LOCATION, AuthorizationActionHandling.REDIRECT);
        AUTHORIZATION.put(AuthorizationResponse.Action.FORM, AuthorizationActionHandling.SEND_FORM);
        AUTHORIZATION.put(AuthorizationResponse.Action.NO_INTERACTION,
                AuthorizationActionHandling.DECIDE_WITHOUT_INTERACTION);
        AUTHORIZATION.put(AuthorizationResponse.Action.INTERACTION, AuthorizationActionHandling.SHOW_LOGIN_AND_CONSENT);
        ISSUE.put(AuthorizationIssueResponse.Action.INTERNAL_SERVER_ERROR, AuthorizationActionHandling.SEND_SERVER_ERROR);
        ISSUE.put(AuthorizationIssueResponse.Action.BAD_REQUEST, AuthorizationActionHandling.SEND_BAD_REQUEST);
        ISSUE.put(AuthorizationIssueResponse.Action.LOCATION, AuthorizationActionHandling.REDIRECT);
        ISSUE.put(AuthorizationIssueResponse.Action.FORM, AuthorizationActionHandling.SEND_FORM);
        FAIL.put(AuthorizationFailResponse.Action.INTERNAL_SERVER_ERROR, AuthorizationActionHandling.SEND_SERVER_ERROR);
        FAIL.put(AuthorizationFailResponse.Action.BAD_REQUEST, AuthorizationActionHandling.SEND_BAD_REQUEST);
        FAIL.put(AuthorizationFailResponse.Action.LOCATION, AuthorizationActionHandling.REDIRECT);
        FAIL.put(AuthorizationFailResponse.Action.FORM, AuthorizationActionHandling.SEND_FORM);
    }

    @ParameterizedTest
    @EnumSource(AuthorizationResponse.Action.class)
    void whenAuthorizationReturnsAnActionThenTheEndpointAnswersAsDocumented(AuthorizationResponse.Action action) {
        assertThat(AUTHORIZATION).as("documented handling of %s", action).containsKey(action);
        assertThat(AuthorizationActionHandling.of(action)).isEqualTo(AUTHORIZATION.get(action));
    }

    @ParameterizedTest
    @EnumSource(AuthorizationIssueResponse.Action.class)
    void whenIssueReturnsAnActionThenTheEndpointAnswersAsDocumented(AuthorizationIssueResponse.Action action) {
        assertThat(ISSUE).as("documented handling of %s", action).containsKey(action);
        assertThat(AuthorizationActionHandling.of(action)).isEqualTo(ISSUE.get(action));
    }

    @ParameterizedTest
    @EnumSource(AuthorizationFailResponse.Action.class)
    void whenFailReturnsAnActionThenTheEndpointAnswersAsDocumented(AuthorizationFailResponse.Action action) {
        assertThat(FAIL).as("documented handling of %s", action).containsKey(action);
        assertThat(AuthorizationActionHandling.of(action)).isEqualTo(FAIL.get(action));
    }

    @Test
    void whenHandlingIsListedThenEachIsUsedBySomeAction() {
        Set<AuthorizationActionHandling> used = EnumSet.noneOf(AuthorizationActionHandling.class);
        used.addAll(AUTHORIZATION.values());
        used.addAll(ISSUE.values());
        used.addAll(FAIL.values());
        assertThat(used).containsExactlyInAnyOrder(AuthorizationActionHandling.values());
    }
}
