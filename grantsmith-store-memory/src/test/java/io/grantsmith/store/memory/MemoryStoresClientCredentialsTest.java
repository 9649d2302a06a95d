package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ClientCredentialsBehaviour;

class MemoryStoresClientCredentialsTest extends ClientCredentialsBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
