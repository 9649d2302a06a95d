package io.grantsmith.store.memory;

import io.grantsmith.core.spi.Stores;
import io.grantsmith.testkit.StoreContract;

class MemoryStoresContractTest extends StoreContract {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
