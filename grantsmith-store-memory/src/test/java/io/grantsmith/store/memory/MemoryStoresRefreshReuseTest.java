package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshReuseBehaviour;

class MemoryStoresRefreshReuseTest extends RefreshReuseBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
