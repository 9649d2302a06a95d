package io.grantsmith.facade.userinfo;

import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Service;
import java.util.Objects;

/**
 * The {@code WWW-Authenticate} value of a refused userinfo request, as Authlete writes it into
 * {@code responseContent}: {@code Bearer error="invalid_token",error_description="[A088302] The access token does not
 * exist.",error_uri="https://docs.authlete.com/#A088302"} (RFC 6750 §3), with the service's choices about
 * description and URI. Quoted values escape {@code "} and {@code \} (RFC 9110 §5.6.4).
 */
public final class BearerChallenge {
    private final String errorUriBase;

    public BearerChallenge(String errorUriBase) {
        this.errorUriBase = Objects.requireNonNull(errorUriBase, "errorUriBase");
    }

    public String of(Service service, String error, ResultMessage result) {
        StringBuilder challenge = new StringBuilder(160).append(scheme(service)).append(" error=\"").append(error)
                .append('"');
        if (!service.errorDescriptionOmitted()) {
            challenge.append(",error_description=\"").append(quoted(result.formatted())).append('"');
        }
        if (!service.errorUriOmitted()) {
            challenge.append(",error_uri=\"").append(quoted(errorUriBase + result.code().code())).append('"');
        }
        return challenge.toString();
    }

    /** The service's token type names the scheme ({@code Bearer}, Authlete's {@code accessTokenType}). */
    private static String scheme(Service service) {
        String type = service.accessTokenType();
        return type == null || type.isEmpty() || !type.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '"')
                ? "Bearer" : type;
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return out.toString();
    }
}
