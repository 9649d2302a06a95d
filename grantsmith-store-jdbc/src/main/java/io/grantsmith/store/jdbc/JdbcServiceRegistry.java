package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.core.model.TokenHash;
import io.grantsmith.registry.ServiceRegistry;
import io.grantsmith.registry.StoredService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Services; deleting one deletes its clients, users and signing keys, and everything issued to its clients
 * ({@link OwnerPurgeSql}), in the same write.
 */
final class JdbcServiceRegistry implements ServiceRegistry {
    private final StoreWriter writer;
    private final StoreWriter deletions;
    private final ReadPool reads;
    private final ChangeNotices notices;

    /** @param deletions the writer of a service's deletion, which scans the token tables (see JdbcStores) */
    JdbcServiceRegistry(StoreWriter writer, StoreWriter deletions, ReadPool reads, ChangeNotices notices) {
        this.writer = writer;
        this.deletions = deletions;
        this.reads = reads;
        this.notices = notices;
    }

    @Override
    public boolean insert(StoredService service) {
        Params params = Params.of()
                .integer(service.id())
                .blob(service.apiSecretHash().bytes())
                .text(service.document())
                .integer(millis(service.createdAt()))
                .integer(millis(service.modifiedAt()));
        return writer.submit("insertService", context -> announced(context, service.id(),
                context.update(ServiceSql.INSERT, params) == 1));
    }

    @Override
    public Optional<StoredService> find(long serviceId) {
        return reads.first("findService", ServiceSql.FIND, Params.of().integer(serviceId),
                JdbcServiceRegistry::service);
    }

    @Override
    public boolean update(StoredService service) {
        Params params = Params.of()
                .blob(service.apiSecretHash().bytes())
                .text(service.document())
                .integer(millis(service.createdAt()))
                .integer(millis(service.modifiedAt()))
                .integer(service.id());
        return writer.submit("updateService", context -> announced(context, service.id(),
                context.update(ServiceSql.UPDATE, params) == 1));
    }

    @Override
    public boolean delete(long serviceId) {
        Params id = Params.of().integer(serviceId);
        return deletions.submit("deleteService", context -> {
            // everything of the service goes even when its row is already gone (a client created during its deletion)
            context.update(ClientSql.DELETE_OF_SERVICE, id);
            context.update(UserSql.DELETE_OF_SERVICE, id);
            context.update(KeySql.DELETE_OF_SERVICE, id);
            OwnerPurgeSql.run(context, OwnerPurgeSql.OF_SERVICE, id);
            return announced(context, serviceId, context.update(ServiceSql.DELETE, id) == 1);
        });
    }

    /** Tells the other nodes when the service changed (an unknown ID they cached as absent may now exist). */
    private boolean announced(WriteContext context, long serviceId, boolean changed) throws SQLException {
        if (changed) {
            notices.announce(context, ChangeNotices.Kind.SERVICE, serviceId);
        }
        return changed;
    }

    @Override
    public List<StoredService> list(int start, int end) {
        return reads.all("listServices", ServiceSql.LIST, Paging.limitOffset(start, end),
                JdbcServiceRegistry::service);
    }

    @Override
    public int count() {
        return reads.first("countServices", ServiceSql.COUNT, Params.of(), row -> row.getInt(1)).orElse(0);
    }

    private static StoredService service(ResultSet row) throws SQLException {
        return new StoredService(
                row.getLong("id"),
                TokenHash.of(row.getBytes("api_secret_hash")),
                row.getString("document"),
                instant(row, "created_at"),
                instant(row, "modified_at"));
    }
}
