package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.StoreContract;

class MemoryStoresContractTest extends StoreContract {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
