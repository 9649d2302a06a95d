package io.grantsmith.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServeCommandTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "127.0.0.1|http://127.0.0.1:8080",
            "login.internal|http://login.internal:8080",
            "0.0.0.0|http://localhost:8080",
            "::|http://localhost:8080",
            "::1|http://[::1]:8080",
            "[::1]|http://[::1]:8080"})
    void whenNoPublicUrlIsSetThenTheListenersAddressGivesItAndWildcardsBecomeLocalhost(String host, String url) {
        assertThat(ServeCommand.listenerUrl(host, 8080)).isEqualTo(url);
    }
}
