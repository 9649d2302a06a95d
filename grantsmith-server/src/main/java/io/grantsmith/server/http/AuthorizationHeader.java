package io.grantsmith.server.http;

import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** Parses {@code Authorization} header values: {@code Basic} credentials and {@code Bearer}-style tokens. */
public final class AuthorizationHeader {
    /** A user (client ID or API key) and password (secret) from HTTP Basic. */
    public record Basic(String user, String password) {
        @Override
        public String toString() {
            return "Basic[user=" + user + "]";
        }
    }

    private AuthorizationHeader() {
    }

    /** The scheme of the header value in lower case ({@code "basic"}), or null when there is none. */
    public static String scheme(String value) {
        if (value == null) {
            return null;
        }
        int space = value.indexOf(' ');
        return (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    /** The credentials part after the scheme, trimmed; empty when there is none. */
    public static String credentials(String value) {
        int space = value.indexOf(' ');
        return space < 0 ? "" : value.substring(space + 1).trim();
    }

    /**
     * HTTP Basic credentials, or null when the value is not well-formed Basic.
     *
     * @param formEncoded decode both parts from {@code application/x-www-form-urlencoded}, as RFC 6749 §2.3.1
     *                    requires of OAuth clients; a part that is not valid form encoding is taken as it is
     */
    public static Basic basic(String value, boolean formEncoded) {
        if (!"basic".equals(scheme(value))) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(credentials(value)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return formEncoded ? new Basic(formDecode(user), formDecode(password)) : new Basic(user, password);
    }

    private static String formDecode(String value) {
        if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
            return value;
        }
        try {
            return FormParameters.decodeComponent(value);
        } catch (MalformedParametersException e) {
            return value;
        }
    }
}
