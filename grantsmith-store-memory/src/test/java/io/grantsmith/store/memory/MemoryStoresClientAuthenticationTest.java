package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ClientAuthenticationBehaviour;

class MemoryStoresClientAuthenticationTest extends ClientAuthenticationBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
