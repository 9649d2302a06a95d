package io.grantsmith.store.jdbc;

import java.sql.Connection;

/** Opens a new connection for the writer, which reopens its own after the database failed under it. */
@FunctionalInterface
interface ConnectionSource {
    /** @throws io.grantsmith.core.spi.StoreException when the database cannot be opened */
    Connection open();
}
