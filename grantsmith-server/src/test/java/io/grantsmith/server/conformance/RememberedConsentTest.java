package io.grantsmith.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import io.grantsmith.server.Json;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Consent remembered per user, client and scopes at the built-in provider: within a session, a client's request
 * for scopes the user allowed it passes without the page; another client, or a scope not allowed yet, shows the
 * page (and {@code prompt=none} answers {@code consent_required}); what was allowed adds up.
 */
class RememberedConsentTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite().tlsSelfSigned();

    private static final String REDIRECT = "https://127.0.0.1:8443/test/a/grantsmith/callback";

    private static ServiceRef service;
    private static RelyingParty first;
    private static RelyingParty second;

    @BeforeAll
    static void createServiceClientsAndUser() {
        service = SERVER.service(ConformanceSetup.SERVICE);
        first = new RelyingParty(SERVER, service.id(), SERVER.client(service, ConformanceSetup.client(REDIRECT)),
                REDIRECT);
        second = new RelyingParty(SERVER, service.id(), SERVER.client(service, ConformanceSetup.client(REDIRECT)),
                REDIRECT);
        SERVER.grantsmith().users().add(service.id(), "alice", OidccBasicPlanTest.PASSWORD, null,
                Json.parse(OidccBasicPlanTest.USER_CLAIMS), false);
    }

    private static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Opens an authorization request; true when it came back without showing the page. */
    private static boolean silent(Browser browser, RelyingParty party, String scope) {
        String state = random();
        Browser.Page page = browser.open(party.authorizationUrl(party.request(state, random(), "scope", scope)));
        if (page.isLoginForm()) {
            party.code(party.callback(browser.logIn(page, "alice", OidccBasicPlanTest.PASSWORD)), state);
            return false;
        }
        party.code(party.callback(page), state);
        return true;
    }

    @Test
    void whenTheSameClientAsksForAllowedScopesThenNoPageElseThePage() {
        Browser browser = new Browser(SERVER.baseUrl(), SERVER.trustingContext());

        assertThat(silent(browser, first, "openid email")).as("first login").isFalse();
        assertThat(silent(browser, first, "openid email")).isTrue();
        assertThat(silent(browser, first, "email openid")).as("order does not matter").isTrue();
        assertThat(silent(browser, first, "openid")).as("a subset").isTrue();
        assertThat(silent(browser, first, "openid profile")).as("a scope not allowed yet").isFalse();
        assertThat(silent(browser, first, "openid email profile")).as("what was allowed adds up").isTrue();
        assertThat(silent(browser, second, "openid")).as("another client").isFalse();
        assertThat(silent(browser, second, "openid")).isTrue();
    }

    @Test
    void whenAnotherClientAsksWithPromptNoneThenConsentRequired() {
        Browser browser = new Browser(SERVER.baseUrl(), SERVER.trustingContext());
        assertThat(silent(browser, first, "openid phone")).isFalse();
        String state = random();

        Map<String, String> callback = second.callback(browser.open(second.authorizationUrl(second.request(state,
                random(), "scope", "openid phone", "prompt", "none"))));

        assertThat(second.error(callback, state)).isEqualTo("consent_required");
    }

    @Test
    void whenAllowedBeforeThenANewSessionStillNeedsTheLoginButNotAgainAfterIt() {
        Browser before = new Browser(SERVER.baseUrl(), SERVER.trustingContext());
        assertThat(silent(before, first, "openid address")).isFalse();
        Browser after = new Browser(SERVER.baseUrl(), SERVER.trustingContext());

        assertThat(silent(after, first, "openid address")).as("no session: the login").isFalse();
        assertThat(silent(after, second, "openid address")).isFalse();
        assertThat(silent(after, first, "openid address")).isTrue();
    }

    @Test
    void whenTheUserIsDeletedAndCreatedAgainThenItsConsentsAreGone() {
        SERVER.grantsmith().users().add(service.id(), "carol", OidccBasicPlanTest.PASSWORD, null, false);
        Browser browser = new Browser(SERVER.baseUrl(), SERVER.trustingContext());
        String state = random();
        Browser.Page page = browser.open(first.authorizationUrl(first.request(state, random(), "scope", "openid")));
        first.code(first.callback(browser.logIn(page, "carol", OidccBasicPlanTest.PASSWORD)), state);
        assertThat(SERVER.grantsmith().users().remove(service.id(), "carol")).isTrue();
        SERVER.grantsmith().users().add(service.id(), "carol", OidccBasicPlanTest.PASSWORD, null, false);

        Browser.Page again = browser.open(first.authorizationUrl(first.request(random(), random(), "scope",
                "openid")));

        assertThat(again.isLoginForm()).as("the old session's user has no consents any more").isTrue();
    }
}
