package io.grantsmith.facade;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.RevocationRequest;
import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.dto.TokenResponse;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.core.clientauth.ClientAssertion;
import io.grantsmith.core.clientauth.ClientAuthenticationMethod;
import io.grantsmith.core.clientauth.ClientAuthenticators;
import io.grantsmith.core.clientauth.PresentedCredentials;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An embedder registers its own client authentication method through {@link Grantsmith.Builder#clientAuthenticators}:
 * the token endpoint and revocation both authenticate with it, and a Grantsmith without it refuses such clients.
 */
class EmbeddedClientAuthenticatorTest {
    private final FacadeFixture embedded = new FacadeFixture(builder -> builder
            .clientAuthenticators(ClientAuthenticators.defaults().with(new AssertionNamingTheClient())));
    private final FacadeFixture plain = new FacadeFixture();

    @AfterEach
    void close() {
        embedded.close();
        plain.close();
    }

    @Test
    void whenTheEmbedderRegistersAMethodThenTokenRequestsAndRevocationAuthenticateWithIt() {
        long serviceId = serviceOf(embedded);
        String clientId = keyJwtClient(embedded, serviceId);

        TokenResponse token = embedded.grantsmith.tokens().token(serviceId,
                new TokenRequest().setParameters(withAssertion("grant_type=client_credentials", clientId, clientId)));
        RevocationResponse revoked = embedded.grantsmith.introspection().revocation(serviceId, new RevocationRequest()
                .setParameters(withAssertion("token=" + token.getAccessToken(), clientId, clientId)));

        assertThat(token.getAction()).as(token.getResultMessage()).isEqualTo(TokenResponse.Action.OK);
        assertThat(token.getClientAuthMethod()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(revoked.getAction()).as(revoked.getResultMessage()).isEqualTo(RevocationResponse.Action.OK);
    }

    @Test
    void whenTheAssertionIsWrongThenTheRegisteredMethodRefusesTheClient() {
        long serviceId = serviceOf(embedded);
        String clientId = keyJwtClient(embedded, serviceId);

        TokenResponse token = embedded.grantsmith.tokens().token(serviceId,
                new TokenRequest().setParameters(withAssertion("grant_type=client_credentials", clientId, "1")));

        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(token.getResultCode()).isEqualTo(ResultCode.CLIENT_SECRET_WRONG.code());
    }

    @Test
    void whenTheMethodIsNotRegisteredThenItsClientsAreRefusedAsNotSupported() {
        long serviceId = serviceOf(plain);
        String clientId = keyJwtClient(plain, serviceId);

        TokenResponse token = plain.grantsmith.tokens().token(serviceId,
                new TokenRequest().setParameters(withAssertion("grant_type=client_credentials", clientId, clientId)));

        assertThat(token.getAction()).isEqualTo(TokenResponse.Action.INVALID_CLIENT);
        assertThat(token.getResultCode()).isEqualTo(ResultCode.CLIENT_AUTH_METHOD_NOT_SUPPORTED.code());
    }

    private static long serviceOf(FacadeFixture fixture) {
        return fixture.service(",\"supportedTokenAuthMethods\":[\"CLIENT_SECRET_BASIC\",\"PRIVATE_KEY_JWT\"]")
                .get("apiKey").asLong();
    }

    private static String keyJwtClient(FacadeFixture fixture, long serviceId) {
        ObjectNode client = fixture.client(serviceId,
                "\"clientName\":\"key-jwt\",\"tokenAuthMethod\":\"PRIVATE_KEY_JWT\",\"grantTypes\":[\"CLIENT_CREDENTIALS\"]");
        return client.get("clientId").asText();
    }

    private static String withAssertion(String parameters, String clientId, String signer) {
        return parameters + "&client_id=" + clientId + "&client_assertion_type="
                + ClientAssertion.JWT_BEARER.replace(":", "%3A") + "&client_assertion=signed-by-" + signer;
    }

    /** A stand-in for private_key_jwt: the assertion "signed-by-{client ID}" is valid. */
    private static final class AssertionNamingTheClient implements ClientAuthenticationMethod {
        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.PRIVATE_KEY_JWT;
        }

        @Override
        public void authenticate(Service service, Client client, PresentedCredentials credentials) {
            if (!credentials.hasAssertion() || !ClientAssertion.JWT_BEARER.equals(credentials.assertion().type())
                    || !credentials.assertion().value().equals("signed-by-" + client.id())) {
                throw OAuthException.invalidClient(ResultCode.CLIENT_SECRET_WRONG);
            }
        }
    }
}
