package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreFailureBehaviour;

class MemoryStoresStoreFailureTest extends StoreFailureBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
