package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.KeyStoreContract;

class MemoryKeyStoreContractTest extends KeyStoreContract {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
