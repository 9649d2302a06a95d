package io.grantsmith.server.http;

import java.util.HashMap;
import java.util.Map;

/**
 * A method and a path pattern such as {@code /api/{serviceId}/auth/token}. {@code apiName} is the path Authlete
 * uses in messages ({@code /auth/token}); literal segments must match exactly and {@code {name}} segments
 * capture one non-empty segment.
 */
public record Route(String method, String pattern, String apiName, Endpoint endpoint) {
    private static final String[] NO_SEGMENTS = new String[0];

    String[] segments() {
        return split(pattern);
    }

    static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? NO_SEGMENTS : trimmed.split("/", -1);
    }

    /** The captured parameters when {@code pathSegments} matches this route's pattern, else null. */
    Map<String, String> match(String[] patternSegments, String[] pathSegments) {
        if (patternSegments.length != pathSegments.length) {
            return null;
        }
        Map<String, String> parameters = null;
        for (int i = 0; i < patternSegments.length; i++) {
            String expected = patternSegments[i];
            String actual = pathSegments[i];
            if (expected.startsWith("{")) {
                if (actual.isEmpty()) {
                    return null;
                }
                if (parameters == null) {
                    parameters = new HashMap<>(4);
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters == null ? Map.of() : parameters;
    }
}
