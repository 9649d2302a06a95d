package io.grantsmith.store.memory;

import io.grantsmith.core.spi.Stores;
import io.grantsmith.testkit.IssueBehaviour;

class MemoryStoresIssueTest extends IssueBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
