package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.RefreshModesBehaviour;

class MemoryStoresRefreshModesTest extends RefreshModesBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
