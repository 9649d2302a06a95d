package io.grantsmith.facade.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublicUrlTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://login.example.com|https://login.example.com",
            "https://login.example.com/|https://login.example.com",
            "HTTPS://login.example.com/auth//|https://login.example.com/auth",
            "http://127.0.0.1:8080|http://127.0.0.1:8080",
            "http://[::1]:8080/|http://[::1]:8080"})
    void whenUrlIsAbsoluteHttpOrHttpsThenItIsKeptWithoutTrailingSlashes(String given, String canonical) {
        assertThat(PublicUrl.normalize(given)).isEqualTo(canonical);
        assertThat(PublicUrl.configured(given).builtInIssuer(42)).isEqualTo(canonical + "/as/42");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "login.example.com|must start with https://",
            "ftp://login.example.com|must start with https://",
            "/as|must start with https://",
            "https:///as|no host",
            "https://user:pw@login.example.com|user information",
            "https://login.example.com?x=1|query or a fragment",
            "https://login.example.com#top|query or a fragment",
            "https://login example.com|not a URL",
            "' '|empty"})
    void whenUrlCannotServeAsIssuerPrefixThenItIsRefusedSayingWhy(String given, String reason) {
        assertThatThrownBy(() -> PublicUrl.normalize(given)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void whenTheListenerIsReportedThenItBecomesThePublicUrlUnlessOneIsConfigured() {
        PublicUrl learned = PublicUrl.fromListener();
        PublicUrl configured = PublicUrl.configured("https://login.example.com");

        assertThat(learned.value()).isEmpty();
        assertThat(learned.builtInIssuer(1)).isNull();
        assertThat(learned.endpoints(1)).isEmpty();
        assertThat(learned.listening("http://127.0.0.1:4711/")).isTrue();
        assertThat(learned.listening("http://127.0.0.1:4711")).as("the same URL again changes nothing").isFalse();
        assertThat(configured.listening("http://127.0.0.1:4711")).isFalse();

        assertThat(learned.value()).contains("http://127.0.0.1:4711");
        assertThat(configured.value()).contains("https://login.example.com");
    }

    @Test
    void whenEndpointsAreAskedForThenEveryOneIsUnderTheBuiltInIssuer() {
        ProviderEndpoints endpoints = PublicUrl.configured("https://login.example.com/").endpoints(9).orElseThrow();

        assertThat(endpoints.issuer()).isEqualTo("https://login.example.com/as/9");
        assertThat(endpoints.authorization()).isEqualTo("https://login.example.com/as/9/authorize");
        assertThat(endpoints.token()).isEqualTo("https://login.example.com/as/9/token");
        assertThat(endpoints.userInfo()).isEqualTo("https://login.example.com/as/9/userinfo");
        assertThat(endpoints.jwks()).isEqualTo("https://login.example.com/as/9/jwks");
        assertThat(endpoints.introspection()).isEqualTo("https://login.example.com/as/9/introspect");
        assertThat(endpoints.revocation()).isEqualTo("https://login.example.com/as/9/revoke");
        assertThat(endpoints.endSession()).isEqualTo("https://login.example.com/as/9/logout");
    }
}
