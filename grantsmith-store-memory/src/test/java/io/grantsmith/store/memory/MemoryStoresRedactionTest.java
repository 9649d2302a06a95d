package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RedactionBehaviour;

class MemoryStoresRedactionTest extends RedactionBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
