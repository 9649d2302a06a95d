package io.grantsmith.facade.login;

import io.grantsmith.core.jose.JwtVerifier;
import io.grantsmith.core.jose.VerifiedJwt;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.core.spi.ClientLookup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The built-in server's {@code end_session_endpoint} without HTTP (OpenID Connect RP-Initiated Logout 1.0 §2-§3):
 * it reads {@code id_token_hint}, {@code client_id}, {@code post_logout_redirect_uri} and {@code state}, and decides
 * where the browser goes once its session is ended. Sessions live in a sealed cookie and nowhere on the server, so
 * ending one is the HTTP edge's deleting the cookie.
 *
 * <p>The redirect goes only to a URI the client (named by the hint's audience or by {@code client_id}) registered
 * in {@code postLogoutRedirectUris}, byte for byte, and never when the hint was not signed by the service.
 *
 * <p>Confirmation: the specification says the provider MUST ask the user when there is no {@code id_token_hint} or
 * the hint is not the logged-in user's. Then (if the browser has a session to end) a page with one "Sign out"
 * button is shown; its form carries the checked request sealed, and a CSRF token bound to a browser cookie as the
 * login page's is, so another site cannot submit it.
 */
public final class LogoutBackend {
    /** The hidden fields of the confirmation form. */
    public static final String REQUEST_FIELD = "gs_logout";
    public static final String CSRF_FIELD = "gs_csrf";
    private static final String PURPOSE = "logout";
    private static final Duration CONFIRMATION_LIFETIME = Duration.ofMinutes(10);

    private final ClientLookup clients;
    private final JwtVerifier verifier;
    private final LoginSeal seal;
    private final Clock clock;

    public LogoutBackend(ClientLookup clients, JwtVerifier verifier, LoginSeal seal, Clock clock) {
        this.clients = clients;
        this.verifier = verifier;
        this.seal = seal;
        this.clock = clock;
    }

    /**
     * @param parameters    the query string (GET) or form body (POST), as received; null or empty for none
     * @param sessionCookie the service's session cookie, or null
     * @param csrfCookie    the CSRF cookie, or null (a new one is made for a confirmation page)
     */
    public LogoutOutcome logout(long serviceId, String parameters, String sessionCookie, String csrfCookie) {
        FormParameters form;
        try {
            form = FormParameters.parse(parameters == null ? "" : parameters);
        } catch (MalformedParametersException | IllegalArgumentException e) {
            return invalid("The logout request's parameters are malformed or repeated.");
        }
        if (form.optional(REQUEST_FIELD) != null) {
            return confirmed(serviceId, form.optional(REQUEST_FIELD), form.optional(CSRF_FIELD), csrfCookie);
        }
        VerifiedJwt hint = null;
        if (form.optional("id_token_hint") != null) {
            Optional<VerifiedJwt> verified = verifier.verify(serviceId, form.optional("id_token_hint"));
            if (verified.isEmpty()) {
                return invalid("The id_token_hint was not issued by this server.");
            }
            hint = verified.get();
        }
        String hintedClient = hint == null ? null : audience(hint);
        String clientId = form.optional("client_id");
        if (clientId != null && hintedClient != null && !clientId.equals(hintedClient)) {
            return invalid("The client_id is not the audience of the id_token_hint.");
        }
        String redirect = form.optional("post_logout_redirect_uri");
        String location = null;
        if (redirect != null) {
            String named = hintedClient != null ? hintedClient : clientId;
            if (named == null) {
                return invalid("A post_logout_redirect_uri needs an id_token_hint or a client_id naming the "
                        + "client.");
            }
            Optional<Client> client = client(serviceId, named);
            if (client.isEmpty() || !client.get().metadata().postLogoutRedirectUris().contains(redirect)) {
                return invalid("The post_logout_redirect_uri is not one the client registered.");
            }
            String state = form.optional("state");
            location = state == null ? redirect : redirect + (redirect.contains("?") ? "&" : "?") + "state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8);
        }
        Optional<BrowserSession> session = BrowserSession.open(seal, sessionCookie, serviceId, now());
        if (session.isPresent() && (hint == null || !session.get().subject().equals(hint.claims().get("sub")))) {
            return confirmation(serviceId, location, csrfCookie);
        }
        return signedOut(location);
    }

    private LogoutOutcome confirmation(long serviceId, String location, String csrfCookie) {
        String cookie = csrfCookie != null && !csrfCookie.isEmpty() && csrfCookie.length() <= 64 ? csrfCookie
                : seal.randomToken();
        String sealed = seal.seal(PURPOSE, serviceId + " " + (now() + CONFIRMATION_LIFETIME.getSeconds()) + " "
                + (location == null ? "" : location));
        return new LogoutOutcome.Confirm(sealed, csrfToken(sealed, cookie), cookie);
    }

    /** The confirmation form came back: its CSRF token must match the browser's cookie and the sealed request. */
    private LogoutOutcome confirmed(long serviceId, String sealed, String csrfToken, String csrfCookie) {
        Optional<String> plain = seal.open(PURPOSE, sealed);
        if (plain.isEmpty() || csrfCookie == null || csrfCookie.isEmpty()
                || !LoginSeal.same(csrfToken(sealed, csrfCookie), csrfToken)) {
            return forged();
        }
        String[] parts = plain.get().split(" ", 3);
        try {
            if (parts.length != 3 || Long.parseLong(parts[0]) != serviceId || now() >= Long.parseLong(parts[1])) {
                return forged();
            }
        } catch (NumberFormatException e) {
            return forged();
        }
        return signedOut(parts[2].isEmpty() ? null : parts[2]);
    }

    private static LogoutOutcome signedOut(String location) {
        return location == null ? new LogoutOutcome.SignedOut() : new LogoutOutcome.Redirect(location);
    }

    private String csrfToken(String sealed, String csrfCookie) {
        return seal.mac("logout\n" + sealed + "\n" + csrfCookie);
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

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private static LogoutOutcome forged() {
        return new LogoutOutcome.ErrorPage(400, "invalid_request", "The sign-out form was altered, has expired, or "
                + "came from another site (its CSRF token does not match).");
    }

    private static LogoutOutcome invalid(String description) {
        return new LogoutOutcome.ErrorPage(400, "invalid_request", description);
    }
}
