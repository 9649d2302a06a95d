package io.grantsmith.facade.login;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.api.dto.AuthorizationFailRequest;
import io.grantsmith.api.dto.AuthorizationFailResponse;
import io.grantsmith.api.dto.AuthorizationIssueRequest;
import io.grantsmith.api.dto.AuthorizationIssueResponse;
import io.grantsmith.api.dto.AuthorizationRequest;
import io.grantsmith.api.dto.AuthorizationResponse;
import io.grantsmith.api.dto.Scope;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.core.jose.JwtVerifier;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.authorization.AuthorizationApi;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.login.AuthorizeOutcome.ErrorPage;
import io.grantsmith.facade.login.AuthorizeOutcome.FormPost;
import io.grantsmith.facade.login.AuthorizeOutcome.LoginPage;
import io.grantsmith.facade.login.AuthorizeOutcome.LoginView;
import io.grantsmith.facade.login.AuthorizeOutcome.Redirect;
import io.grantsmith.facade.login.AuthorizeOutcome.ScopeLine;
import io.grantsmith.facade.login.AuthorizeOutcome.Session;
import io.grantsmith.facade.limits.RetryAfter;
import io.grantsmith.facade.users.PasswordCheck;
import io.grantsmith.facade.users.UserDirectory;
import io.grantsmith.registry.ConsentStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in authorization server's {@code /authorize}, without HTTP: it runs the authorization API in-process
 * (as an authorization server written against Authlete's SDK would over the wire), decides whether the browser's
 * session lets the request through silently, and otherwise hands out a login and consent page whose post comes
 * back here.
 *
 * <p>Consent: logging in on the page, which names the client and lists the scopes, is the consent, and it is
 * remembered per user, client and scope ({@link ConsentStore}). Within a browser session a later request of a
 * client for scopes the user allowed it passes without a page; a request of another client, or for a scope not
 * allowed yet, shows the page again (the same page, so that browser robots fill it the same way), and
 * {@code prompt=none} answers {@code consent_required}. {@code prompt=login}, {@code prompt=consent},
 * {@code prompt=select_account}, an exceeded {@code max_age} or an {@code id_token_hint} naming another user show
 * the page whatever was allowed.
 *
 * <p>CSRF: the page's form carries a token that is an HMAC of the ticket and of a random value the browser holds
 * in a cookie (a signed double submit). A post whose token does not match its own cookie and ticket is refused
 * with an error page, so another site can neither log a victim in nor deny a request in the victim's name.
 */
public final class AuthorizationBackend {
    private static final String ACR_NONE_SUPPORTED = "A021303";
    private static final String ACR_NOT_SUPPORTED = "A021304";
    /** The default lifetime of a browser session. */
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);

    private final AuthorizationApi api;
    private final UserDirectory users;
    private final JwtVerifier verifier;
    private final LoginSeal seal;
    private final Clock clock;
    private final Duration sessionLifetime;
    private final Duration pageLifetime;
    private final ConsentStore consents;

    public AuthorizationBackend(AuthorizationApi api, UserDirectory users, JwtVerifier verifier, LoginSeal seal,
            Clock clock, Duration sessionLifetime, Duration pageLifetime, ConsentStore consents) {
        this.consents = consents;
        this.api = api;
        this.users = users;
        this.verifier = verifier;
        this.seal = seal;
        this.clock = clock;
        this.sessionLifetime = sessionLifetime;
        this.pageLifetime = pageLifetime;
    }

    /**
     * An authorization request from a browser.
     *
     * @param parameters    the query string (GET) or form body (POST), as received
     * @param sessionCookie the service's session cookie, or null
     * @param csrfCookie    the CSRF cookie, or null (a new one is made)
     */
    public AuthorizeOutcome authorize(long serviceId, String parameters, String sessionCookie, String csrfCookie) {
        if (parameters == null || parameters.isBlank()) {
            // the API calls missing parameters the caller's mistake (a 500); here they are the browser's, so a 400
            return new ErrorPage(400, "invalid_request", "The authorization request has no parameters: open this "
                    + "page through the application you want to sign in to.");
        }
        AuthorizationResponse response;
        try {
            response = api.authorization(serviceId, new AuthorizationRequest().setParameters(parameters));
            if (refusedVoluntaryAcrs(response, parameters)) {
                response = api.authorization(serviceId,
                        new AuthorizationRequest().setParameters(without(parameters, "acr_values")));
            }
        } catch (ApiFailure unknownService) {
            return new ErrorPage(404, "invalid_request", "There is no such service.");
        }
        return switch (response.getAction()) {
            case BAD_REQUEST -> errorPage(400, response.getResponseContent());
            case INTERNAL_SERVER_ERROR -> errorPage(500, response.getResponseContent());
            case LOCATION -> new Redirect(response.getResponseContent(), null);
            case FORM -> new FormPost(response.getResponseContent(), null);
            case NO_INTERACTION -> withoutInteraction(serviceId, response, parameters, sessionCookie);
            case INTERACTION -> interaction(serviceId, response, parameters, sessionCookie, csrfCookie);
        };
    }

    /**
     * The login form came back: checks the CSRF token, then the password through the directory's throttled check,
     * and issues or shows the page again.
     */
    public AuthorizeOutcome login(long serviceId, String sealedState, String csrfToken, String csrfCookie,
            String username, String password) {
        Optional<LoginPageState> opened = verifiedState(serviceId, sealedState, csrfToken, csrfCookie);
        if (opened.isEmpty()) {
            return forgedOrExpired();
        }
        LoginPageState state = opened.get();
        PasswordCheck check = users.check(serviceId, state.clientId(), username, password);
        if (check instanceof PasswordCheck.Accepted accepted) {
            if (state.hintSubject() != null && !state.hintSubject().equals(accepted.subject())) {
                return fail(serviceId, state.ticket(), AuthorizationFailRequest.Reason.DIFFERENT_SUBJECT);
            }
            long now = clock.instant().getEpochSecond();
            BrowserSession session = new BrowserSession(serviceId, accepted.subject(), now,
                    now + sessionLifetime.getSeconds());
            remember(state, accepted.subject());
            return issue(serviceId, state.ticket(), state.acr(), session,
                    new Session(session.seal(seal), sessionLifetime.getSeconds()));
        }
        if (check instanceof PasswordCheck.Rejected) {
            return page(200, state, sealedState, csrfToken, csrfCookie, "The username or password is wrong.");
        }
        if (check instanceof PasswordCheck.Throttled throttled) {
            return page(429, state, sealedState, csrfToken, csrfCookie, "Too many failed attempts. Wait "
                    + RetryAfter.seconds(throttled.retryAfter()) + " seconds, then try again.");
        }
        if (check instanceof PasswordCheck.Busy busy) {
            return page(503, state, sealedState, csrfToken, csrfCookie, "The server is busy. Wait "
                    + RetryAfter.seconds(busy.retryAfter()) + " seconds, then try again.");
        }
        throw new IllegalStateException("unmapped password check " + check);
    }

    /** The user declined on the page: {@code access_denied} to the client (after the same CSRF check). */
    public AuthorizeOutcome deny(long serviceId, String sealedState, String csrfToken, String csrfCookie) {
        Optional<LoginPageState> state = verifiedState(serviceId, sealedState, csrfToken, csrfCookie);
        return state.isEmpty() ? forgedOrExpired()
                : fail(serviceId, state.get().ticket(), AuthorizationFailRequest.Reason.DENIED);
    }

    // ---- requests ---------------------------------------------------------------------------------------------

    /** {@code prompt=none}: issue with a usable session, else fail with the reason (all {@code login_required}). */
    private AuthorizeOutcome withoutInteraction(long serviceId, AuthorizationResponse response, String parameters,
            String sessionCookie) {
        Optional<BrowserSession> session = BrowserSession.open(seal, sessionCookie, serviceId, now());
        AuthorizationFailRequest.Reason refusal = session.isEmpty() ? AuthorizationFailRequest.Reason.NOT_LOGGED_IN
                : refusal(serviceId, response, parameters, session.get());
        if (refusal == null && !consented(serviceId, session.get().subject(), response)) {
            refusal = AuthorizationFailRequest.Reason.CONSENT_REQUIRED;
        }
        return refusal != null ? fail(serviceId, response.getTicket(), refusal)
                : issue(serviceId, response.getTicket(), acr(response), session.get(), null);
    }

    private AuthorizeOutcome interaction(long serviceId, AuthorizationResponse response, String parameters,
            String sessionCookie, String csrfCookie) {
        Optional<BrowserSession> session = BrowserSession.open(seal, sessionCookie, serviceId, now());
        if (session.isPresent() && !asksForPage(response.getPrompts())
                && refusal(serviceId, response, parameters, session.get()) == null
                && consented(serviceId, session.get().subject(), response)) {
            return issue(serviceId, response.getTicket(), acr(response), session.get(), null);
        }
        String cookie = csrfCookie != null && !csrfCookie.isEmpty() && csrfCookie.length() <= 64 ? csrfCookie
                : seal.randomToken();
        LoginPageState state = new LoginPageState(serviceId, response.getTicket(), response.getClient().getClientId(),
                clientName(response), scopes(response.getScopes()), response.getLoginHint(),
                hintSubject(serviceId, parameters), acr(response), now() + pageLifetime.getSeconds());
        return page(200, state, state.seal(seal), csrfToken(state.ticket(), cookie), cookie, null);
    }

    /**
     * Why the session cannot serve this request ({@code max_age} exceeded, another user asked for), or null when
     * it can.
     */
    private AuthorizationFailRequest.Reason refusal(long serviceId, AuthorizationResponse response, String parameters,
            BrowserSession session) {
        long maxAge = maxAge(response, parameters);
        // max_age=0 asks for a login now (OpenID Connect Core §3.1.2.1); within the same second, elapsed is 0 too
        if (maxAge == 0 || maxAge > 0 && now() - session.authTime() > maxAge) {
            return AuthorizationFailRequest.Reason.EXCEEDS_MAX_AGE;
        }
        String hinted = hintSubject(serviceId, parameters);
        if (hinted != null && !hinted.equals(session.subject())) {
            return AuthorizationFailRequest.Reason.DIFFERENT_SUBJECT;
        }
        if (response.getSubject() != null && !response.getSubject().equals(session.subject())) {
            return AuthorizationFailRequest.Reason.DIFFERENT_SUBJECT;
        }
        return null;
    }

    /**
     * The {@code max_age} in force, or -1 for none. The response reports {@code max_age=0} as 0, "no constraint",
     * as Authlete does; the request's own parameter tells it apart from a fresh-login demand.
     */
    private static long maxAge(AuthorizationResponse response, String parameters) {
        if (response.getMaxAge() > 0) {
            return response.getMaxAge();
        }
        String requested = parameter(parameters, "max_age");
        return "0".equals(requested) ? 0 : -1;
    }

    /** Whether {@code prompt} asks to see the page although a session exists. */
    private static boolean asksForPage(Prompt[] prompts) {
        return prompts != null && Arrays.stream(prompts)
                .anyMatch(p -> p == Prompt.LOGIN || p == Prompt.CONSENT || p == Prompt.SELECT_ACCOUNT);
    }

    /**
     * The {@code sub} of the request's {@code id_token_hint} when the service signed it, else null. A hint that does
     * not verify names nobody; the pairwise {@code sub} of a pairwise client does not match a session either.
     */
    private String hintSubject(long serviceId, String parameters) {
        String hint = parameter(parameters, "id_token_hint");
        if (hint == null) {
            return null;
        }
        return verifier.verify(serviceId, hint).map(jwt -> jwt.claims().get("sub"))
                .filter(String.class::isInstance).map(String.class::cast).orElse(null);
    }

    private static String parameter(String parameters, String name) {
        try {
            return parameters == null ? null : FormParameters.parse(parameters).optional(name);
        } catch (MalformedParametersException | IllegalArgumentException e) {
            return null; // the authorization API refused such a request already
        }
    }

    // ---- remembered consent -----------------------------------------------------------------------------------

    /** Whether {@code subject} has allowed the request's client every scope the request asks for. */
    private boolean consented(long serviceId, String subject, AuthorizationResponse response) {
        Set<String> granted = consents.granted(serviceId, subject, response.getClient().getClientId());
        return response.getScopes() == null
                || Arrays.stream(response.getScopes()).map(Scope::getName).allMatch(granted::contains);
    }

    /** The user allowed the page's client the page's scopes: remembered for later requests. */
    private void remember(LoginPageState state, String subject) {
        List<String> scopes = state.scopes().stream().map(ScopeLine::name).toList();
        consents.grant(state.serviceId(), subject, state.clientId(), scopes, now());
    }

    // ---- authentication context -------------------------------------------------------------------------------

    /**
     * Whether the API refused the request only because its {@code acr_values} names classes the service does not
     * list. {@code acr_values} is a voluntary request (OpenID Connect Core §3.1.2.1, §5.5.1.1), and "the minimum
     * level of support required for this parameter is simply to have its use not result in an error" (§15.1), so
     * the built-in server asks again without it. The API keeps Authlete's refusal for authorization servers of
     * their own; an essential {@code acr} in the {@code claims} parameter is still refused.
     */
    private static boolean refusedVoluntaryAcrs(AuthorizationResponse response, String parameters) {
        String code = response.getResultCode();
        return (response.getAction() == AuthorizationResponse.Action.LOCATION
                || response.getAction() == AuthorizationResponse.Action.FORM)
                && (ACR_NONE_SUPPORTED.equals(code) || ACR_NOT_SUPPORTED.equals(code))
                && parameter(parameters, "acr_values") != null;
    }

    /** {@code parameters} (form-encoded) without any {@code name} parameter. */
    private static String without(String parameters, String name) {
        StringBuilder kept = new StringBuilder(parameters.length());
        for (String pair : parameters.split("&")) {
            int equals = pair.indexOf('=');
            String encodedName = equals < 0 ? pair : pair.substring(0, equals);
            if (!name.equals(java.net.URLDecoder.decode(encodedName, java.nio.charset.StandardCharsets.UTF_8))) {
                kept.append(kept.length() == 0 ? "" : "&").append(pair);
            }
        }
        return kept.toString();
    }

    /**
     * The {@code acr} of a login at the built-in server. Its one way of authenticating is the password, and the
     * service's {@code supportedAcrs} lists the classes the operator says that login satisfies: the first class
     * the request asks for (the API has checked that the service lists each), else the service's first class,
     * else none (a service that lists no classes issues ID tokens without {@code acr}).
     */
    private static String acr(AuthorizationResponse response) {
        if (response.getAcrs() != null && response.getAcrs().length > 0) {
            return response.getAcrs()[0];
        }
        String[] supported = response.getService() == null ? null : response.getService().getSupportedAcrs();
        return supported != null && supported.length > 0 ? supported[0] : null;
    }

    // ---- outcomes ---------------------------------------------------------------------------------------------

    private AuthorizeOutcome issue(long serviceId, String ticket, String acr, BrowserSession user,
            Session newSession) {
        AuthorizationIssueResponse issued = api.issue(serviceId, new AuthorizationIssueRequest().setTicket(ticket)
                .setSubject(user.subject()).setAuthTime(user.authTime()).setAcr(acr));
        return switch (issued.getAction()) {
            case LOCATION -> new Redirect(issued.getResponseContent(), newSession);
            case FORM -> new FormPost(issued.getResponseContent(), newSession);
            case BAD_REQUEST -> errorPage(400, issued.getResponseContent());
            case INTERNAL_SERVER_ERROR -> errorPage(500, issued.getResponseContent());
        };
    }

    private AuthorizeOutcome fail(long serviceId, String ticket, AuthorizationFailRequest.Reason reason) {
        AuthorizationFailResponse failed = api.fail(serviceId,
                new AuthorizationFailRequest().setTicket(ticket).setReason(reason));
        return switch (failed.getAction()) {
            case LOCATION -> new Redirect(failed.getResponseContent(), null);
            case FORM -> new FormPost(failed.getResponseContent(), null);
            case BAD_REQUEST -> errorPage(400, failed.getResponseContent());
            case INTERNAL_SERVER_ERROR -> errorPage(500, failed.getResponseContent());
        };
    }

    private static LoginPage page(int status, LoginPageState state, String sealedState, String csrfToken,
            String csrfCookie, String message) {
        return new LoginPage(status, new LoginView(sealedState, csrfToken, state.clientName(), state.scopes(),
                state.loginHint()), message, csrfCookie);
    }

    private static ErrorPage forgedOrExpired() {
        return new ErrorPage(400, "invalid_request", "The login form was altered, has expired, or came from another "
                + "site (its CSRF token does not match). Go back to the application and sign in again.");
    }

    /** An error page from the API's {@code responseContent} ({@code {"error":...,"error_description":...}}). */
    private static ErrorPage errorPage(int status, String responseContent) {
        String error = status >= 500 ? "server_error" : "invalid_request";
        String description = null;
        try {
            JsonNode content = WireJson.mapper().readTree(responseContent == null ? "{}" : responseContent);
            error = content.path("error").asText(error);
            description = content.path("error_description").asText(null);
        } catch (java.io.IOException | RuntimeException e) {
            // keep the defaults: the status says enough
        }
        return new ErrorPage(status, error, description);
    }

    // ---- page state and CSRF ----------------------------------------------------------------------------------

    private Optional<LoginPageState> verifiedState(long serviceId, String sealedState, String csrfToken,
            String csrfCookie) {
        Optional<LoginPageState> state = LoginPageState.open(seal, sealedState, serviceId, now());
        if (state.isEmpty() || csrfCookie == null || csrfCookie.isEmpty()
                || !LoginSeal.same(csrfToken(state.get().ticket(), csrfCookie), csrfToken)) {
            return Optional.empty();
        }
        return state;
    }

    private String csrfToken(String ticket, String csrfCookie) {
        return seal.mac("csrf\n" + ticket + "\n" + csrfCookie);
    }

    private static String clientName(AuthorizationResponse response) {
        String name = response.getClient().getClientName();
        return name != null && !name.isBlank() ? name : Long.toString(response.getClient().getClientId());
    }

    private static List<ScopeLine> scopes(Scope[] scopes) {
        List<ScopeLine> lines = new ArrayList<>();
        if (scopes != null) {
            for (Scope scope : scopes) {
                lines.add(new ScopeLine(scope.getName(), scope.getDescription()));
            }
        }
        return lines;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
