package io.grantsmith.facade.manage;

import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenHash;
import io.grantsmith.core.spi.IssuanceLimit;

/**
 * A service as the API edge needs it on every call: its configuration, the hash of its API secret and its
 * issuance limit (kept here so that a token request reaches it without a lookup), and the settings only its
 * discovery document reads (so that public discovery requests cost no store read either).
 */
public record ServiceEntry(Service service, TokenHash apiSecretHash, IssuanceLimit issuance,
        DiscoverySettings discovery) {
}
