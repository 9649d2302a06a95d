package io.grantsmith.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TokenLifetimesTest {
    /** Access token 3600 s, refresh token 86400 s; scope attributes as named. */
    private static final Service SERVICE = Service.builder(1).accessTokenDuration(Duration.ofSeconds(3600))
            .refreshTokenDuration(Duration.ofSeconds(86_400))
            .scopes(ScopeCatalog.of(List.of(
                    ScopeDefinition.of("plain"),
                    scope("at300", Map.of("access_token.duration", "300")),
                    scope("at900", Map.of("access_token.duration", " 900 ")),
                    scope("rt600", Map.of("refresh_token.duration", "600")),
                    scope("junk", Map.of("access_token.duration", "soon", "refresh_token.duration", "-5")),
                    scope("zero", Map.of("access_token.duration", "0")))))
            .build();

    @ParameterizedTest(name = "client {0} s, scopes [{1}], request {2} s -> {3} s")
    @CsvSource({
        "0,    plain,       0,     3600",
        "600,  plain,       0,     600",
        "7200, plain,       0,     3600",
        "0,    at300,       0,     300",
        "0,    at900 at300, 0,     300",
        "0,    at900,       0,     900",
        "600,  at300,       0,     300",
        "120,  at300,       0,     120",
        "0,    rt600,       0,     3600",
        "0,    junk zero,   0,     3600",
        "0,    unknown,     0,     3600",
        "600,  at300,       99999, 99999",
        "600,  plain,       -1,    600",
    })
    void whenAccessTokenLifetimeIsResolvedThenRequestWinsElseTheShortestCap(long client, String scopes,
            long requested, long expected) {
        Client withCap = Client.builder(1, 2).accessTokenDuration(Duration.ofSeconds(client)).build();

        assertThat(TokenLifetimes.accessToken(SERVICE, withCap, Scopes.parse(scopes), requested))
                .isEqualTo(Duration.ofSeconds(expected));
    }

    @ParameterizedTest(name = "client {0} s, scopes [{1}], request {2} s -> {3} s")
    @CsvSource({
        "0,     plain,       0,  86400",
        "3600,  plain,       0,  3600",
        "0,     rt600,       0,  600",
        "300,   rt600,       0,  300",
        "0,     at300,       0,  86400",
        "0,     junk,        0,  86400",
        "3600,  rt600,       60, 60",
    })
    void whenRefreshTokenLifetimeIsResolvedThenItUsesTheRefreshTokenCaps(long client, String scopes, long requested,
            long expected) {
        Client withCap = Client.builder(1, 2).refreshTokenDuration(Duration.ofSeconds(client))
                .accessTokenDuration(Duration.ofSeconds(1)).build();

        assertThat(TokenLifetimes.refreshToken(SERVICE, withCap, Scopes.parse(scopes), requested))
                .isEqualTo(Duration.ofSeconds(expected));
    }

    private static ScopeDefinition scope(String name, Map<String, String> attributes) {
        return new ScopeDefinition(name, false, attributes);
    }
}
