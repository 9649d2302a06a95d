package io.grantsmith.store.memory;

import io.grantsmith.core.spi.Stores;
import io.grantsmith.testkit.ClientCredentialsBehaviour;

class MemoryStoresClientCredentialsTest extends ClientCredentialsBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
