package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshBehaviour;

class MemoryStoresRefreshTest extends RefreshBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
