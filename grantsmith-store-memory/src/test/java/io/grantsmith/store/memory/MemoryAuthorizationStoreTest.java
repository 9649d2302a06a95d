package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.AuthorizationStoreContract;

class MemoryAuthorizationStoreTest extends AuthorizationStoreContract {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
