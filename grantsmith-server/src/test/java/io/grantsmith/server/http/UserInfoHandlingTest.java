package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.UserInfoIssueResponse;
import io.grantsmith.api.dto.UserInfoResponse;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every action of {@code /auth/userinfo} and {@code /auth/userinfo/issue} has the answer Authlete documents for
 * an authorization server (reference/authlete-authorization-api.md §6.3, §6.4). A new action fails here until it
 * has a row.
 */
class UserInfoHandlingTest {
    private static final Map<UserInfoResponse.Action, UserInfoHandling> USERINFO =
            new EnumMap<>(UserInfoResponse.Action.class);
    private static final Map<UserInfoIssueResponse.Action, UserInfoHandling> ISSUE =
            new EnumMap<>(UserInfoIssueResponse.Action.class);

    static {
        USERINFO.put(UserInfoResponse.Action.OK, UserInfoHandling.ISSUE);
        USERINFO.put(UserInfoResponse.Action.BAD_REQUEST, UserInfoHandling.CHALLENGE_BAD_REQUEST);
        USERINFO.put(UserInfoResponse.Action.UNAUTHORIZED, UserInfoHandling.CHALLENGE_UNAUTHORIZED);
        USERINFO.put(UserInfoResponse.Action.FORBIDDEN, UserInfoHandling.CHALLENGE_FORBIDDEN);
        USERINFO.put(UserInfoResponse.Action.INTERNAL_SERVER_ERROR, UserInfoHandling.CHALLENGE_SERVER_ERROR);
        ISSUE.put(UserInfoIssueResponse.Action.JSON, UserInfoHandling.SEND_JSON);
        ISSUE.put(UserInfoIssueResponse.Action.JWT, UserInfoHandling.SEND_JWT);
        ISSUE.put(UserInfoIssueResponse.Action.BAD_REQUEST, UserInfoHandling.CHALLENGE_BAD_REQUEST);
        ISSUE.put(UserInfoIssueResponse.Action.UNAUTHORIZED, UserInfoHandling.CHALLENGE_UNAUTHORIZED);
        ISSUE.put(UserInfoIssueResponse.Action.FORBIDDEN, UserInfoHandling.CHALLENGE_FORBIDDEN);
        ISSUE.put(UserInfoIssueResponse.Action.INTERNAL_SERVER_ERROR, UserInfoHandling.CHALLENGE_SERVER_ERROR);
    }

    @ParameterizedTest
    @EnumSource(UserInfoResponse.Action.class)
    void whenUserinfoReturnsAnActionThenTheEndpointAnswersAsDocumented(UserInfoResponse.Action action) {
        assertThat(USERINFO).as("documented handling of %s", action).containsKey(action);
        assertThat(UserInfoHandling.of(action)).isEqualTo(USERINFO.get(action));
    }

    @ParameterizedTest
    @EnumSource(UserInfoIssueResponse.Action.class)
    void whenIssueReturnsAnActionThenTheEndpointAnswersAsDocumented(UserInfoIssueResponse.Action action) {
        assertThat(ISSUE).as("documented handling of %s", action).containsKey(action);
        assertThat(UserInfoHandling.of(action)).isEqualTo(ISSUE.get(action));
    }

    @Test
    void whenHandlingIsListedThenEachIsUsedAndChallengesCarryTheirStatus() {
        Set<UserInfoHandling> used = EnumSet.noneOf(UserInfoHandling.class);
        used.addAll(USERINFO.values());
        used.addAll(ISSUE.values());
        assertThat(used).containsExactlyInAnyOrder(UserInfoHandling.values());
        assertThat(UserInfoHandling.CHALLENGE_BAD_REQUEST.status()).isEqualTo(400);
        assertThat(UserInfoHandling.CHALLENGE_UNAUTHORIZED.status()).isEqualTo(401);
        assertThat(UserInfoHandling.CHALLENGE_FORBIDDEN.status()).isEqualTo(403);
        assertThat(UserInfoHandling.CHALLENGE_SERVER_ERROR.status()).isEqualTo(500);
    }
}
