package io.grantsmith.core.authorization;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides where an authorization response may go. The request's {@code redirect_uri} must equal one of the
 * client's registered URIs, compared as strings (RFC 9700 §4.1.1); only for loopback URIs is the port ignored,
 * where the service sets {@code loopbackRedirectionUriVariable} or the client is a native application, because a
 * native app listens on whatever port the system gives it (RFC 8252 §7.3). Every refusal here is answered
 * without a redirect: an unchecked URI must never receive one (RFC 6749 §4.1.2.1).
 */
final class RedirectUris {
    /** Loopback hosts as {@link URI#getHost()} spells them; {@code localhost} too, as Authlete accepts it. */
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "[::1]", "localhost");

    /** The redirect URI of a request, and whether the request named it or it is the client's only one. */
    record Target(String uri, boolean given) {
    }

    private RedirectUris() {
    }

    /**
     * @param openidRequested whether the request's {@code scope} contains {@code openid}: OpenID Connect requires
     *                        {@code redirect_uri} (Core §3.1.2.1)
     */
    static Target resolve(Service service, Client client, FormParameters parameters, boolean openidRequested) {
        if (parameters.count("redirect_uri") > 1) {
            throw refusal(ResultCode.REDIRECT_URI_REPEATED);
        }
        List<String> registered = client.metadata().redirectUris();
        String given = parameters.optional("redirect_uri");
        if (given == null) {
            if (openidRequested) {
                throw refusal(ResultCode.REDIRECT_URI_REQUIRED_FOR_OPENID);
            }
            if (registered.isEmpty()) {
                throw refusal(client.isPublic() ? ResultCode.REDIRECT_URI_NONE_REGISTERED_BY_PUBLIC_CLIENT
                        : ResultCode.REDIRECT_URI_MISSING_AND_NONE_REGISTERED, client.id());
            }
            if (registered.size() > 1) {
                throw refusal(ResultCode.REDIRECT_URI_MISSING_AND_SEVERAL_REGISTERED, client.id());
            }
            return new Target(registered.get(0), false);
        }
        URI uri = wellFormed(given);
        if (registered.isEmpty()) {
            // Authlete lets a confidential client without registered URIs name any; RFC 9700 §4.1.1 does not.
            throw refusal(client.isPublic() ? ResultCode.REDIRECT_URI_NONE_REGISTERED_BY_PUBLIC_CLIENT
                    : ResultCode.REDIRECT_URI_REGISTRATION_REQUIRED, client.id());
        }
        boolean portVariable = service.authorization().loopbackRedirectionUriVariable() || client.metadata().isNative();
        for (String candidate : registered) {
            if (candidate.equals(given) || (portVariable && sameLoopbackExceptPort(candidate, uri))) {
                return new Target(given, true);
            }
        }
        throw refusal(ResultCode.REDIRECT_URI_NOT_REGISTERED, Quoted.of(given));
    }

    private static URI wellFormed(String given) {
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw refusal(ResultCode.REDIRECT_URI_MALFORMED, Quoted.of(given));
        }
        if (!uri.isAbsolute()) {
            throw refusal(ResultCode.REDIRECT_URI_NOT_ABSOLUTE, Quoted.of(given));
        }
        if (uri.getRawFragment() != null) {
            throw refusal(ResultCode.REDIRECT_URI_HAS_FRAGMENT, Quoted.of(given));
        }
        return uri;
    }

    /** Whether both name the same loopback endpoint: equal but for the port, which either may leave out. */
    static boolean sameLoopbackExceptPort(String registered, URI given) {
        if (given.getHost() == null || !LOOPBACK_HOSTS.contains(given.getHost().toLowerCase(Locale.ROOT))) {
            return false;
        }
        URI candidate;
        try {
            candidate = new URI(registered);
        } catch (URISyntaxException e) {
            return false;
        }
        return candidate.isAbsolute() && candidate.getRawFragment() == null
                && candidate.getScheme().equalsIgnoreCase(given.getScheme())
                && candidate.getHost() != null && candidate.getHost().equalsIgnoreCase(given.getHost())
                && Objects.equals(candidate.getRawUserInfo(), given.getRawUserInfo())
                && Objects.equals(candidate.getRawPath(), given.getRawPath())
                && Objects.equals(candidate.getRawQuery(), given.getRawQuery());
    }

    private static OAuthException refusal(ResultCode code, Object... args) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code, args);
    }
}
