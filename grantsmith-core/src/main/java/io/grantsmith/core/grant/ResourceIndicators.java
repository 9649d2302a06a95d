package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;

/** RFC 8707 {@code resource} parameters: absolute URIs without a fragment. */
public final class ResourceIndicators {
    private ResourceIndicators() {
    }

    /**
     * The resources without repetitions, in request order.
     *
     * @throws OAuthException ({@code invalid_target}) for the first value that is not an absolute URI without a
     *                        fragment
     */
    public static List<String> validate(List<String> resources) {
        for (String resource : resources) {
            URI uri;
            try {
                uri = new URI(resource);
            } catch (URISyntaxException e) {
                throw invalidTarget(ResultCode.RESOURCE_NOT_URI, resource);
            }
            if (!uri.isAbsolute()) {
                throw invalidTarget(ResultCode.RESOURCE_NOT_ABSOLUTE, resource);
            }
            if (uri.getRawFragment() != null) {
                throw invalidTarget(ResultCode.RESOURCE_HAS_FRAGMENT, resource);
            }
        }
        return List.copyOf(new LinkedHashSet<>(resources));
    }

    /**
     * The audience of a token renewed from a grant: the requested resources, each of which the grant must
     * cover, or all of the grant's resources when none is requested.
     */
    static List<String> narrow(List<String> requested, List<String> granted, ResultCode notGranted) {
        if (requested.isEmpty()) {
            return granted;
        }
        for (String resource : requested) {
            if (!granted.contains(resource)) {
                throw invalidTarget(notGranted, resource);
            }
        }
        return requested;
    }

    private static OAuthException invalidTarget(ResultCode code, String resource) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_TARGET, code, Quoted.of(resource));
    }
}
