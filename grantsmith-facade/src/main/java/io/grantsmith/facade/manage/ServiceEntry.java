package io.grantsmith.facade.manage;

import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenHash;

/** A service as the API edge needs it on every call: its configuration and the hash of its API secret. */
public record ServiceEntry(Service service, TokenHash apiSecretHash) {
}
