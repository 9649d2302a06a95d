package io.grantsmith.core.result;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Service;
import java.util.Objects;

/**
 * What was learned about a request before it was answered; every result carries it so that the response
 * can say which service, grant type and client were involved.
 *
 * @param grantType the grant type, or null when the request did not get that far
 * @param client    the client, or null when it could not be identified
 */
public record RequestFacts(Service service, GrantType grantType, ClientIdentity client) {
    public RequestFacts {
        Objects.requireNonNull(service, "service");
    }
}
