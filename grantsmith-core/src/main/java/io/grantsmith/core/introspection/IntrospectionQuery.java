package io.grantsmith.core.introspection;

import java.util.List;
import java.util.Objects;

/**
 * What a resource server asks of {@code /auth/introspection}: the token and what it must cover. A null list or
 * subject, or a {@code maxAge} of 0 or less, means no requirement.
 *
 * @param scopes    scopes the token must carry (all of them)
 * @param subject   the subject the token must have been issued for
 * @param resources resources (RFC 8707) the token's audience must include
 * @param acrValues authentication context classes of which the user's authentication must be one (RFC 9470)
 * @param maxAge    how many seconds ago the user may at most have authenticated (RFC 9470)
 */
public record IntrospectionQuery(String token, List<String> scopes, String subject, List<String> resources,
        List<String> acrValues, int maxAge) {

    public IntrospectionQuery {
        scopes = withoutNulls(scopes);
        resources = withoutNulls(resources);
        acrValues = withoutNulls(acrValues);
    }

    /** A JSON array the caller sent may hold nulls, which name nothing: they are dropped, never an error. */
    private static List<String> withoutNulls(List<String> values) {
        return values == null ? null : values.stream().filter(Objects::nonNull).toList();
    }

    /** Just the token: is it usable? */
    public static IntrospectionQuery of(String token) {
        return new IntrospectionQuery(token, null, null, null, null, 0);
    }
}
