package io.grantsmith.core.authorization;

import io.grantsmith.api.types.ResponseMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the URLs that send an authorization response back to the client (RFC 6749 §4.1.2 and §4.1.2.1; OAuth
 * 2.0 Multiple Response Type Encoding Practices §2): the response parameters, form-encoded in UTF-8 (RFC 6749
 * Appendix B), added to the query of the redirect URI, whose own query is kept (RFC 6749 §3.1.2), or put in its
 * fragment. Pure functions.
 */
public final class AuthorizationResponseUrls {
    private AuthorizationResponseUrls() {
    }

    /**
     * The redirect URI with {@code parameters} added, in their iteration order, for {@code query} or
     * {@code fragment}; parameters whose value is null are left out.
     *
     * @throws IllegalArgumentException for any other mode: {@code form_post} is a page, not a URL
     */
    public static String location(String redirectUri, ResponseMode mode, Map<String, String> parameters) {
        char separator;
        if (mode == ResponseMode.QUERY) {
            separator = '?';
        } else if (mode == ResponseMode.FRAGMENT) {
            separator = '#';
        } else {
            throw new IllegalArgumentException("a " + mode + " response is not a URL");
        }
        StringBuilder url = new StringBuilder(redirectUri.length() + 256).append(redirectUri);
        // The fragment follows the query, so a query response into a URI that has a fragment would break it; the
        // validator refuses redirect URIs with fragments, but stay correct for any input.
        int fragment = redirectUri.indexOf('#');
        if (separator == '?' && fragment >= 0) {
            url.setLength(fragment);
        }
        String base = url.toString();
        int existing = base.indexOf(separator);
        boolean needsSeparator = true;
        if (existing >= 0) {
            char last = base.charAt(base.length() - 1);
            needsSeparator = last != separator && last != '&';
            if (needsSeparator) {
                separator = '&';
            }
        }
        boolean first = true;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue() == null) {
                continue;
            }
            if (first) {
                if (needsSeparator) {
                    url.append(separator);
                }
                first = false;
            } else {
                url.append('&');
            }
            url.append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        }
        if (separator == '?' && fragment >= 0) {
            url.append(redirectUri, fragment, redirectUri.length());
        }
        return url.toString();
    }

    /**
     * {@code text} made fit for {@code error_description}, which RFC 6749 §4.1.2.1 restricts to printable ASCII
     * other than {@code "} and {@code \}: every other character becomes {@code ?}. Messages quote request values,
     * which may hold anything.
     */
    public static String errorDescription(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 && c <= 0x7E && c != '"' && c != '\\';
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (!allowed && Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++; // one character outside the BMP becomes one '?'
                }
                out.append(allowed ? c : '?');
            }
        }
        return out == null ? text : out.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
