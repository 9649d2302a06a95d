package io.grantsmith.testkit;

import io.grantsmith.api.dto.Property;
import io.grantsmith.api.dto.TokenFailRequest;
import io.grantsmith.api.dto.TokenIssueRequest;
import io.grantsmith.api.dto.TokenRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds the requests a caller sends to the engine. Parameters are given as name, value, name, value, ... */
public final class TokenRequests {
    private TokenRequests() {
    }

    /** The form-encoded body of {@code namesAndValues}, each name and value percent-encoded. */
    public static String form(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come as name, value pairs");
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        return body.toString();
    }

    /** A request whose client authenticates in the body, or not at all. */
    public static TokenRequest body(String... namesAndValues) {
        return new TokenRequest().setParameters(form(namesAndValues));
    }

    /** A request with {@code Authorization: Basic} credentials, passed on as {@code clientId}/{@code clientSecret}. */
    public static TokenRequest basic(String clientId, String clientSecret, String... namesAndValues) {
        return body(namesAndValues).setClientId(clientId).setClientSecret(clientSecret);
    }

    /** A request whose {@code parameters} are exactly {@code parameters} (possibly malformed, possibly null). */
    public static TokenRequest raw(String parameters) {
        return new TokenRequest().setParameters(parameters);
    }

    /** {@code namesAndValues} followed by {@code more}. */
    public static String[] concat(String[] namesAndValues, String... more) {
        String[] all = new String[namesAndValues.length + more.length];
        System.arraycopy(namesAndValues, 0, all, 0, namesAndValues.length);
        System.arraycopy(more, 0, all, namesAndValues.length, more.length);
        return all;
    }

    public static Property property(String key, String value, boolean hidden) {
        return new Property().setKey(key).setValue(value).setHidden(hidden);
    }

    public static TokenIssueRequest issueRequest(String ticket, String subject) {
        return new TokenIssueRequest().setTicket(ticket).setSubject(subject);
    }

    public static TokenFailRequest failRequest(String ticket, TokenFailRequest.Reason reason) {
        return new TokenFailRequest().setTicket(ticket).setReason(reason);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
