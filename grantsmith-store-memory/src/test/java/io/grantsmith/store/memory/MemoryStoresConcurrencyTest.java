package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.ConcurrencyBehaviour;

class MemoryStoresConcurrencyTest extends ConcurrencyBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
