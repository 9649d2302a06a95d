package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.facade.login.AuthorizeOutcome;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AuthorizePage} renders each kind of {@link AuthorizeOutcome} in an instanceof chain (Java 17 has no pattern
 * switch over sealed types) that throws for a kind it does not know. A new kind fails here until the page renders
 * it and it is listed.
 */
class AuthorizeOutcomeKindsTest {
    @Test
    void whenAnOutcomeKindIsAddedThenThePageRendersIt() {
        assertThat(Set.of(AuthorizeOutcome.class.getPermittedSubclasses())).containsExactlyInAnyOrder(
                AuthorizeOutcome.ErrorPage.class, AuthorizeOutcome.Redirect.class, AuthorizeOutcome.FormPost.class,
                AuthorizeOutcome.LoginPage.class);
    }
}
