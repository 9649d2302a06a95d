package io.grantsmith.store.memory;

import io.grantsmith.registry.Stores;
import io.grantsmith.testkit.TicketBehaviour;

class MemoryStoresTicketTest extends TicketBehaviour {
    @Override
    protected Stores openStores() {
        return new MemoryStores();
    }
}
