package io.grantsmith.server.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.dto.Service;
import com.nimbusds.jose.jwk.JWKSet;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ServiceRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Authlete's Java SDK 4.33 reading a service's JWK Set (v3 and v2), and round-tripping a service's keys. */
class AuthleteSdkJwksTest {
    @RegisterExtension
    static final HttpFixture SERVER = HttpFixture.sqlite();

    private static ServiceRef service;

    @BeforeAll
    static void createService() {
        service = SERVER.service("");
    }

    @Test
    void whenTheSdkAsksForTheJwkSetOnV3OrV2ThenItGetsThePublicSet() throws Exception {
        AuthleteApi v3 = AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());
        AuthleteApi v2 = AuthleteSdk.v2(SERVER, service.id(), service.apiSecret());

        String fromV3 = v3.getServiceJwks(false, false);
        String fromV2 = v2.getServiceJwks(false, false);

        assertThat(JWKSet.parse(fromV3).getKeys()).singleElement()
                .satisfies(key -> assertThat(key.isPrivate()).isFalse());
        assertThat(JWKSet.parse(fromV2)).isEqualTo(JWKSet.parse(fromV3));
        assertThat(v3.getServiceJwks()).as("the SDK's default sends no query: pretty is false by default")
                .isEqualTo(fromV3);
        assertThat(v3.getServiceJwks(true, false)).contains("\n");
        assertThat(JWKSet.parse(v3.getServiceJwks(false, true)).getKeys().get(0).isPrivate()).isTrue();
    }

    @Test
    void whenTheSdkFetchesAndUpdatesAServiceThenItsKeysStay() {
        AuthleteApi sdk = AuthleteSdk.v3(SERVER, service.id(), service.apiSecret());
        String before = sdk.getServiceJwks(false, false);

        Service fetched = sdk.getService(service.id());
        Service updated = sdk.updateService(fetched.setDescription("keys stay"));

        assertThat(fetched.getJwks()).isEqualTo(before);
        assertThat(updated.getJwks()).isEqualTo(before);
        assertThat(sdk.getServiceJwks(false, false)).isEqualTo(before);
    }
}
