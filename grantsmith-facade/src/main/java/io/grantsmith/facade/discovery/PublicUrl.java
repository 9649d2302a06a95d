package io.grantsmith.facade.discovery;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The base URL clients use to reach this server, e.g. {@code https://login.example.com}: the prefix of the
 * built-in authorization server's issuer ({@code <public-url>/as/<serviceId>}) and endpoint URLs.
 *
 * <p>It is either configured, or learned from the HTTP listener once it is bound ({@link #listening}), which
 * is all a server on a development machine needs; behind a TLS-terminating proxy it must be configured, as the
 * listener's own URL is not what clients see. An embedded Grantsmith without HTTP may have none: services then
 * have only the issuer their documents name.</p>
 */
public final class PublicUrl {
    private final boolean configured;
    private volatile String value;

    private PublicUrl(String value, boolean configured) {
        this.value = value;
        this.configured = configured;
    }

    /**
     * A configured public URL.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL without user information,
     *                                  query and fragment
     */
    public static PublicUrl configured(String url) {
        return new PublicUrl(normalize(url), true);
    }

    /** A public URL to be learned from the HTTP listener ({@link #listening}); none until then. */
    public static PublicUrl fromListener() {
        return new PublicUrl(null, false);
    }

    /**
     * Records the URL the HTTP listener is reachable at, which becomes the public URL unless one is configured.
     *
     * @return whether the public URL changed
     * @throws IllegalArgumentException when {@code listenerUrl} is not a valid public URL
     */
    public synchronized boolean listening(String listenerUrl) {
        String normalized = normalize(listenerUrl);
        if (configured || normalized.equals(value)) {
            return false;
        }
        value = normalized;
        return true;
    }

    /** The public URL, without a trailing slash; empty when none is configured and no listener is bound yet. */
    public Optional<String> value() {
        return Optional.ofNullable(value);
    }

    /** Whether the URL was configured rather than learned from the listener. */
    public boolean isConfigured() {
        return configured;
    }

    /**
     * The issuer of the built-in authorization server for a service, {@code <public-url>/as/<serviceId>}; also the
     * issuer of every service whose document names none. Null when there is no public URL.
     */
    public String builtInIssuer(long serviceId) {
        String base = value;
        return base == null ? null : ProviderEndpoints.builtInIssuer(base, serviceId);
    }

    /** The built-in authorization server's issuer and endpoint URLs for a service; empty without a public URL. */
    public Optional<ProviderEndpoints> endpoints(long serviceId) {
        String base = value;
        return base == null ? Optional.empty() : Optional.of(ProviderEndpoints.builtIn(base, serviceId));
    }

    /**
     * Checks a public URL and returns it in canonical form: the scheme in lower case and trailing slashes
     * removed, so that {@code <public-url>/as/1} never has a double slash.
     *
     * @throws IllegalArgumentException when it is not an absolute http or https URL with a host and without user
     *                                  information, query and fragment
     */
    public static String normalize(String url) {
        if (url == null || url.isBlank()) {
            throw invalid(url, "it is empty");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw invalid(url, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw invalid(url, "it must start with https:// (or http:// on a development machine)");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            throw invalid(url, "it has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(url, "it must not contain user information");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(url, "it must not have a query or a fragment");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + uri.getRawAuthority() + path;
    }

    private static IllegalArgumentException invalid(String url, String reason) {
        return new IllegalArgumentException("The public URL '" + url + "' cannot be used: " + reason + ".");
    }

    @Override
    public String toString() {
        String current = value;
        return current == null ? "(none yet)" : current;
    }
}
