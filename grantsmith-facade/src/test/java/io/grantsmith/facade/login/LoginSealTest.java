package io.grantsmith.facade.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealed values the login page gives the browser: they open only unaltered, for their purpose and service. */
class LoginSealTest {
    private static final byte[] KEY = new byte[32];
    private static final byte[] CSRF_KEY = filled(7);
    private final LoginSeal seal = new LoginSeal(KEY, CSRF_KEY, new SecureRandom());

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    @Test
    void whenASessionIsSealedThenItOpensForItsServiceUntilItExpires() {
        String cookie = new BrowserSession(5, "alice", 1000, 2000).seal(seal);

        assertThat(BrowserSession.open(seal, cookie, 5, 1999)).contains(new BrowserSession(5, "alice", 1000, 2000));
        assertThat(BrowserSession.open(seal, cookie, 5, 2000)).isEmpty();
        assertThat(BrowserSession.open(seal, cookie, 6, 1500)).isEmpty();
    }

    @Test
    void whenOneCharacterIsChangedOrTheKeyDiffersThenNothingOpens() {
        String cookie = new BrowserSession(5, "alice", 1000, 2000).seal(seal);
        char[] altered = cookie.toCharArray();
        altered[altered.length / 2] = altered[altered.length / 2] == 'A' ? 'B' : 'A';
        LoginSeal otherKey = new LoginSeal(filled(1), CSRF_KEY, new SecureRandom());

        assertThat(BrowserSession.open(seal, new String(altered), 5, 1500)).isEmpty();
        assertThat(BrowserSession.open(otherKey, cookie, 5, 1500)).isEmpty();
        assertThat(BrowserSession.open(seal, "not base64 !", 5, 1500)).isEmpty();
        assertThat(BrowserSession.open(seal, "x".repeat(LoginSeal.MAX_SEALED_CHARS + 1), 5, 1500)).isEmpty();
        assertThat(BrowserSession.open(seal, null, 5, 1500)).isEmpty();
    }

    @Test
    void whenPageStateIsPresentedAsASessionOrTheReverseThenNeitherOpens() {
        LoginPageState state = new LoginPageState(5, "ticket", 9, "App", List.of(), null, null, null, 2000);
        String sealedState = state.seal(seal);
        String sealedSession = new BrowserSession(5, "alice", 1000, 2000).seal(seal);

        assertThat(LoginPageState.open(seal, sealedState, 5, 1500)).contains(state);
        assertThat(BrowserSession.open(seal, sealedState, 5, 1500)).isEmpty();
        assertThat(LoginPageState.open(seal, sealedSession, 5, 1500)).isEmpty();
        assertThat(LoginPageState.open(seal, sealedState, 5, 2000)).isEmpty();
    }

    @Test
    void whenTheSameValueIsSealedTwiceThenTheSealsDiffer() {
        assertThat(seal.seal("page", "x")).isNotEqualTo(seal.seal("page", "x"));
        assertThat(seal.mac("a")).isEqualTo(seal.mac("a")).isNotEqualTo(seal.mac("b"));
        assertThat(LoginSeal.same(seal.mac("a"), seal.mac("a"))).isTrue();
        assertThat(LoginSeal.same(seal.mac("a"), null)).isFalse();
    }
}
