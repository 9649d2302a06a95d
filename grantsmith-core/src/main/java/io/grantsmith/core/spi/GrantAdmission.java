package io.grantsmith.core.spi;

import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.request.FormParameters;

/**
 * A last word of the caller on a token request, once its client is authenticated and allowed the grant type, before
 * the issuance limit is consulted and before anything is stored. The built-in authorization server uses it to refuse
 * password attempts that are throttled or find every verification slot taken before the grant's ticket is written:
 * a flood of such attempts would otherwise cost a store write each.
 */
@FunctionalInterface
public interface GrantAdmission {
    /** Admits every request. */
    GrantAdmission ANY = (service, client, grantType, parameters) -> { };

    /**
     * @throws io.grantsmith.core.error.GrantNotAdmittedException to refuse: the request is not processed, nothing is
     *                                                            stored, and the exception leaves the engine as is
     */
    void admit(Service service, Client client, GrantType grantType, FormParameters parameters);
}
