package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.PasswordBehaviour;

class MemoryStoresPasswordTest extends PasswordBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
