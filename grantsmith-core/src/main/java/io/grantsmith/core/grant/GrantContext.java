package io.grantsmith.core.grant;

import io.grantsmith.api.dto.TokenRequest;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.result.ClientIdentity;
import io.grantsmith.core.result.RequestFacts;
import java.time.Instant;

/**
 * One token request on its way through a grant handler: the authenticated client, the parsed parameters,
 * the caller's options and the time the request is processed at (milliseconds precision).
 *
 * @param grantType Authlete's name of the request's grant type, or null for an extension grant it does not name
 */
public record GrantContext(Service service, GrantType grantType, ClientIdentity identity, FormParameters parameters,
        TokenRequest request, Instant now) {

    public Client client() {
        return identity.client();
    }

    public RequestFacts facts() {
        return new RequestFacts(service, grantType, identity);
    }
}
