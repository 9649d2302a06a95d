package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RequestFramingBehaviour;

class MemoryStoresRequestFramingTest extends RequestFramingBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
