package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.NodeLeaseContract;

class MemoryNodeLeaseContractTest extends NodeLeaseContract {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
