package io.grantsmith.facade.login;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.grantsmith.facade.json.WireJson;
import java.util.List;
import java.util.Optional;

/**
 * What the login page needs when its form comes back, carried by the page itself in a sealed hidden field so that
 * the server keeps nothing per page (any node can take the post).
 *
 * @param serviceId   the service of the authorization request
 * @param ticket      the authorization API's ticket for {@code /issue} or {@code /fail}
 * @param clientId    the client (password throttling is per client)
 * @param clientName  what the page calls the client
 * @param scopes      the requested scopes as the page lists them
 * @param loginHint   {@code login_hint}, or null
 * @param hintSubject the {@code sub} of a verified {@code id_token_hint}, or null: another user logging in fails
 *                    with {@code login_required}
 * @param acr         the {@code acr} the login will be issued with, or null
 * @param expiresAt   when the form stops being accepted (epoch seconds); the ticket expires on its own too
 */
record LoginPageState(long serviceId, String ticket, long clientId, String clientName,
        List<AuthorizeOutcome.ScopeLine> scopes, String loginHint, String hintSubject, String acr, long expiresAt) {
    private static final String PURPOSE = "page";

    String seal(LoginSeal seal) {
        try {
            return seal.seal(PURPOSE, WireJson.mapper().writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the login page state did not serialize", e);
        }
    }

    /** The state in {@code sealed} when it is this service's and not expired at {@code now}; else empty. */
    static Optional<LoginPageState> open(LoginSeal seal, String sealed, long serviceId, long now) {
        return seal.open(PURPOSE, sealed).flatMap(json -> {
            try {
                LoginPageState state = WireJson.mapper().readValue(json, LoginPageState.class);
                return state.serviceId == serviceId && now < state.expiresAt && state.ticket != null
                        ? Optional.of(state) : Optional.empty();
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        });
    }
}
