package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.IssueBehaviour;

class MemoryStoresIssueTest extends IssueBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
