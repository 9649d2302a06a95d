package io.grantsmith.core.token;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import java.time.Instant;
import java.util.List;

/**
 * What a new access token stands for, as a self-contained format (a JWT) would write it into the value.
 *
 * @param subject   the resource owner, or null (client_credentials)
 * @param grantType the grant that started the token's family
 * @param resources the audience (RFC 8707 resources)
 */
public record AccessTokenContents(Service service, Client client, String subject, Scopes scopes,
        List<String> resources, GrantType grantType, Instant issuedAt, Instant expiresAt,
        List<TokenProperty> properties) {

    public AccessTokenContents {
        resources = List.copyOf(resources);
        properties = List.copyOf(properties);
    }
}
