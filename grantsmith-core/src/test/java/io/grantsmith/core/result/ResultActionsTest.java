package io.grantsmith.core.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.api.dto.TokenFailResponse;
import io.grantsmith.api.dto.TokenIssueResponse;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.core.authorization.AuthorizationAction;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every outcome of the engine declares the {@code action} of Authlete's response, and every action of the token
 * responses is either produced by exactly one outcome or listed here as one the engine does not produce yet. A new
 * outcome record fails until it has a sample here; a new action fails until it is produced or listed.
 */
class ResultActionsTest {
    /** One instance of every {@link TokenResult} record; the action is all that is read of it. */
    private static final List<TokenResult> TOKEN_RESULTS = List.of(
            new TokenResult.Ok(null, null, null),
            new TokenResult.IdTokenReissuable(null, null, null, null),
            new TokenResult.Password(null, null, "ticket", null, null, null, List.of()),
            new TokenResult.BadRequest(null, null),
            new TokenResult.InvalidClient(null, null),
            new TokenResult.InternalServerError(null, null));
    /** Actions of Authlete's token response for grants and features the engine does not implement yet. */
    private static final Set<TokenResponse.Action> NOT_PRODUCED_YET = EnumSet.of(TokenResponse.Action.TOKEN_EXCHANGE,
            TokenResponse.Action.JWT_BEARER, TokenResponse.Action.NATIVE_SSO);
    private static final List<TokenIssueResult> ISSUE_RESULTS = List.of(
            new TokenIssueResult.Ok(null, null, null), new TokenIssueResult.InternalServerError(null, null));
    private static final List<TokenFailResult> FAIL_RESULTS = List.of(
            new TokenFailResult.BadRequest(null, null), new TokenFailResult.InternalServerError(null, null));

    @Test
    void whenAnOutcomeRecordExistsThenItHasASampleHere() {
        assertThat(recordsOf(TOKEN_RESULTS)).isEqualTo(permitted(TokenResult.class));
        assertThat(recordsOf(ISSUE_RESULTS)).isEqualTo(permitted(TokenIssueResult.class));
        assertThat(recordsOf(FAIL_RESULTS)).isEqualTo(permitted(TokenFailResult.class));
    }

    @Test
    void whenATokenOutcomeIsAddedThenItIsIssuedPasswordOrRefused() {
        // TokenResponses and the /as token endpoint branch on these three kinds only (Java 17: no pattern switch)
        assertThat(Set.of(TokenResult.class.getPermittedSubclasses())).containsExactlyInAnyOrder(
                TokenResult.Issued.class, TokenResult.Password.class, TokenResult.Refused.class);
    }

    @ParameterizedTest
    @EnumSource(TokenResponse.Action.class)
    void whenTheTokenResponseHasAnActionThenOneOutcomeProducesItOrItIsListedAsNotYet(TokenResponse.Action action) {
        long producers = TOKEN_RESULTS.stream().filter(result -> result.action() == action).count();

        assertThat(producers).as("outcomes with action %s", action)
                .isEqualTo(NOT_PRODUCED_YET.contains(action) ? 0 : 1);
    }

    @ParameterizedTest
    @EnumSource(TokenIssueResponse.Action.class)
    void whenTheIssueResponseHasAnActionThenOneOutcomeProducesIt(TokenIssueResponse.Action action) {
        assertThat(ISSUE_RESULTS.stream().filter(result -> result.action() == action).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TokenFailResponse.Action.class)
    void whenTheFailResponseHasAnActionThenOneOutcomeProducesIt(TokenFailResponse.Action action) {
        assertThat(FAIL_RESULTS.stream().filter(result -> result.action() == action).count()).isEqualTo(1);
    }

    @Test
    void whenAnAuthorizationActionIsAnsweredThenItIsTheResponseActionOfTheSameName() {
        Map<AuthorizationAction, AuthorizationResponse.Action> mapped = Arrays.stream(AuthorizationAction.values())
                .collect(Collectors.toMap(Function.identity(), AuthorizationAction::responseAction));

        for (Map.Entry<AuthorizationAction, AuthorizationResponse.Action> entry : mapped.entrySet()) {
            assertThat(entry.getValue().name()).isEqualTo(entry.getKey().name());
        }
        assertThat(Set.copyOf(mapped.values())).as("every action of the response is produced")
                .containsExactlyInAnyOrder(AuthorizationResponse.Action.values());
    }

    private static Set<Class<?>> recordsOf(List<?> samples) {
        return samples.stream().map(Object::getClass).collect(Collectors.toSet());
    }

    /** The records a sealed type permits, also through its sealed sub-interfaces (e.g. {@code TokenResult.Issued}). */
    private static Set<Class<?>> permitted(Class<?> sealed) {
        return Arrays.stream(sealed.getPermittedSubclasses())
                .flatMap(type -> type.isSealed() ? permitted(type).stream() : java.util.stream.Stream.of(type))
                .collect(Collectors.toSet());
    }
}
