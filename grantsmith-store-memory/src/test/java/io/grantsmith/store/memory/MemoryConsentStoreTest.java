package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConsentStoreContract;

class MemoryConsentStoreTest extends ConsentStoreContract {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
