package io.grantsmith.store.memory;

import io.grantsmith.core.spi.Stores;
import io.grantsmith.testkit.RefreshReuseBehaviour;

class MemoryStoresRefreshReuseTest extends RefreshReuseBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
