package io.grantsmith.core.grant;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides the scopes of a new grant: what the request names must be supported by the service and requestable
 * by the client; a request that names none gets the service's default scopes (those the client may request).
 */
final class ScopePolicy {
    /** The result codes one grant uses for scope refusals. */
    record Codes(ResultCode unsupported, ResultCode notRequestable, ResultCode required) {
    }

    private ScopePolicy() {
    }

    /**
     * @param requested      the scopes the request names and that are to be checked
     * @param requestedScope whether the request had a non-empty {@code scope} at all; defaults apply only if not
     */
    static Scopes resolve(Service service, Client client, Scopes requested, boolean requestedScope, Codes codes) {
        return required(service, requestedScope ? checked(service, client, requested, codes)
                : defaults(service, client), codes);
    }

    /**
     * As {@link #resolve(Service, Client, Scopes, boolean, Codes)}, but {@code dropped} is silently removed from
     * the request before it is checked and from the defaults.
     */
    static Scopes resolve(Service service, Client client, Scopes requested, boolean requestedScope, Codes codes,
            String dropped) {
        return required(service, requestedScope ? checked(service, client, requested.without(dropped), codes)
                : defaults(service, client).without(dropped), codes);
    }

    private static Scopes required(Service service, Scopes scopes, Codes codes) {
        if (scopes.isEmpty() && service.scopeRequired()) {
            throw OAuthException.badRequest(OAuthErrorCode.INVALID_SCOPE, codes.required());
        }
        return scopes;
    }

    private static Scopes checked(Service service, Client client, Scopes requested, Codes codes) {
        for (String scope : requested) {
            if (!service.scopes().supports(scope)) {
                throw OAuthException.badRequest(OAuthErrorCode.INVALID_SCOPE, codes.unsupported(), Quoted.of(scope));
            }
            if (!client.mayRequest(scope)) {
                throw OAuthException.badRequest(OAuthErrorCode.INVALID_SCOPE, codes.notRequestable(),
                        Quoted.of(scope));
            }
        }
        return requested;
    }

    private static Scopes defaults(Service service, Client client) {
        List<String> granted = new ArrayList<>();
        for (String scope : service.scopes().defaults()) {
            if (client.mayRequest(scope)) {
                granted.add(scope);
            }
        }
        return Scopes.of(granted);
    }
}
