package io.grantsmith.facade.login;

import io.grantsmith.core.jose.JwtVerifier;
import io.grantsmith.core.jose.VerifiedJwt;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.core.spi.ClientLookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The built-in server's {@code end_session_endpoint} without HTTP (OpenID Connect RP-Initiated Logout 1.0 §2-§3):
 * it reads {@code id_token_hint}, {@code client_id}, {@code post_logout_redirect_uri} and {@code state}, and decides
 * where the browser goes once its session is ended. Sessions live in a sealed cookie and nowhere on the server, so
 * ending one is the HTTP edge's deleting the cookie; what this class guards is the redirect: only to a URI the
 * client (named by the hint's audience or by {@code client_id}) registered in {@code postLogoutRedirectUris}, byte
 * for byte, and never when the hint was not signed by the service.
 */
public final class LogoutBackend {
    private final ClientLookup clients;
    private final JwtVerifier verifier;

    public LogoutBackend(ClientLookup clients, JwtVerifier verifier) {
        this.clients = clients;
        this.verifier = verifier;
    }

    /** @param parameters the query string (GET) or form body (POST), as received; null or empty for none */
    public LogoutOutcome logout(long serviceId, String parameters) {
        FormParameters form;
        try {
            form = FormParameters.parse(parameters == null ? "" : parameters);
        } catch (MalformedParametersException | IllegalArgumentException e) {
            return invalid("The logout request's parameters are malformed or repeated.");
        }
        String hintedClient = null;
        String hint = form.optional("id_token_hint");
        if (hint != null) {
            Optional<VerifiedJwt> verified = verifier.verify(serviceId, hint);
            if (verified.isEmpty()) {
                return invalid("The id_token_hint was not issued by this server.");
            }
            hintedClient = audience(verified.get());
        }
        String clientId = form.optional("client_id");
        if (clientId != null && hintedClient != null && !clientId.equals(hintedClient)) {
            return invalid("The client_id is not the audience of the id_token_hint.");
        }
        String redirect = form.optional("post_logout_redirect_uri");
        if (redirect == null) {
            return new LogoutOutcome.SignedOut();
        }
        String named = hintedClient != null ? hintedClient : clientId;
        if (named == null) {
            return invalid("A post_logout_redirect_uri needs an id_token_hint or a client_id naming the client.");
        }
        Optional<Client> client = client(serviceId, named);
        if (client.isEmpty() || !client.get().metadata().postLogoutRedirectUris().contains(redirect)) {
            return invalid("The post_logout_redirect_uri is not one the client registered.");
        }
        String state = form.optional("state");
        return new LogoutOutcome.Redirect(state == null ? redirect : redirect + (redirect.contains("?") ? "&" : "?")
                + "state=" + URLEncoder.encode(state, StandardCharsets.UTF_8));
    }

    /** The client an ID token was issued to: its only audience, or {@code azp} when it has several. */
    private static String audience(VerifiedJwt token) {
        Object aud = token.claims().get("aud");
        if (aud instanceof String single) {
            return single;
        }
        if (aud instanceof List<?> list && list.size() == 1 && list.get(0) instanceof String single) {
            return single;
        }
        return token.claims().get("azp") instanceof String azp ? azp : null;
    }

    private Optional<Client> client(long serviceId, String clientId) {
        try {
            return clients.findClient(serviceId, Long.parseLong(clientId));
        } catch (NumberFormatException alias) {
            return clients.findClientByAlias(serviceId, clientId);
        }
    }

    private static LogoutOutcome invalid(String description) {
        return new LogoutOutcome.ErrorPage(400, "invalid_request", description);
    }
}
