package io.grantsmith.facade.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.core.clientauth.ClientAuthenticators;
import org.junit.jupiter.api.Test;

/**
 * The discovery document advertises the client authentication methods the token endpoint implements: the engine's
 * registry of authenticators. A method registered there (private_key_jwt, mTLS, ...) fails this test until
 * discovery advertises it, and discovery cannot advertise a method nobody implements.
 */
class DiscoveryAuthMethodsTest {
    @Test
    void whenTheEngineAuthenticatesAMethodThenDiscoveryAdvertisesExactlyThoseMethods() {
        assertThat(DiscoveryDocument.TOKEN_AUTH_METHODS)
                .containsExactlyInAnyOrderElementsOf(ClientAuthenticators.defaults().methods());
    }

    @Test
    void whenIntrospectionIsAdvertisedThenOnlyImplementedConfidentialMethods() {
        assertThat(ClientAuthenticators.defaults().methods())
                .containsAll(DiscoveryDocument.INTROSPECTION_AUTH_METHODS);
        assertThat(DiscoveryDocument.INTROSPECTION_AUTH_METHODS)
                .doesNotContain(io.grantsmith.api.types.ClientAuthMethod.NONE);
    }
}
