package io.grantsmith.server.sdk;

import com.authlete.common.api.AuthleteApi;
import com.authlete.common.api.AuthleteApiFactory;
import com.authlete.common.conf.AuthleteSimpleConfiguration;
import com.authlete.common.dto.TokenRequest;
import io.grantsmith.server.HttpFixture;
import io.grantsmith.server.HttpFixture.ClientRef;

/** Authlete's own Java SDK (authlete-java-common), configured the way an existing authorization server does. */
final class AuthleteSdk {
    private AuthleteSdk() {
    }

    /** API v3: Bearer token, service ID in the path; {@code serviceId} null for calls that name no service. */
    static AuthleteApi v3(HttpFixture server, Long serviceId, String accessToken) {
        AuthleteSimpleConfiguration configuration = new AuthleteSimpleConfiguration()
                .setApiVersion("V3")
                .setBaseUrl(server.baseUrl())
                .setServiceAccessToken(accessToken);
        if (serviceId != null) {
            configuration.setServiceApiKey(Long.toString(serviceId));
        }
        return AuthleteApiFactory.create(configuration);
    }

    /**
     * API v2: HTTP Basic with the service's API key and secret. They are also set as the service owner's, which the
     * SDK sends to {@code /api/service/get/{apiKey}}.
     */
    static AuthleteApi v2(HttpFixture server, long serviceId, String apiSecret) {
        return AuthleteApiFactory.create(new AuthleteSimpleConfiguration()
                .setApiVersion("V2")
                .setBaseUrl(server.baseUrl())
                .setServiceApiKey(Long.toString(serviceId))
                .setServiceApiSecret(apiSecret)
                .setServiceOwnerApiKey(Long.toString(serviceId))
                .setServiceOwnerApiSecret(apiSecret));
    }

    /** What a token endpoint passes on: the client's form body, and its Basic credentials. */
    static TokenRequest tokenRequest(String parameters, ClientRef client) {
        return new TokenRequest().setParameters(parameters).setClientId(client.id())
                .setClientSecret(client.secret());
    }
}
