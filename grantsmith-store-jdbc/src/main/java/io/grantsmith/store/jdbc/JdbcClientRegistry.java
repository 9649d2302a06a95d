package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.registry.ClientRegistry;
import io.grantsmith.registry.StoredClient;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Clients, with their secrets sealed by {@link SecretSealer}; deleting one deletes what was issued to it in the same
 * write ({@link OwnerPurgeSql}). Sealing happens on the calling thread before the
 * write is queued, unsealing on the reading thread.
 */
final class JdbcClientRegistry implements ClientRegistry {
    private final StoreWriter writer;
    private final StoreWriter deletions;
    private final ReadPool reads;
    private final SecretSealer sealer;
    private final ChangeNotices notices;

    /** @param deletions the writer of a client's deletion, which scans the token tables (see JdbcStores) */
    JdbcClientRegistry(StoreWriter writer, StoreWriter deletions, ReadPool reads, SecretSealer sealer,
            ChangeNotices notices) {
        this.writer = writer;
        this.deletions = deletions;
        this.reads = reads;
        this.sealer = sealer;
        this.notices = notices;
    }

    /** When nothing was inserted, the client ID (taken across services) is checked first, as the reference does. */
    @Override
    public Outcome insert(StoredClient client) {
        Params row = Params.of()
                .integer(client.clientId())
                .integer(client.serviceId())
                .text(client.alias())
                .blob(sealedSecret(client))
                .text(client.document())
                .integer(millis(client.createdAt()))
                .integer(millis(client.modifiedAt()));
        Params id = Params.of().integer(client.clientId());
        return writer.submit("insertClient", context -> {
            if (context.update(ClientSql.INSERT, row) == 1) {
                notices.announce(context, ChangeNotices.Kind.CLIENTS, client.serviceId());
                return Outcome.DONE;
            }
            return context.first(ClientSql.ID_TAKEN, id, taken -> true).isPresent()
                    ? Outcome.CONFLICT_OR_MISSING : Outcome.ALIAS_TAKEN;
        });
    }

    @Override
    public Optional<StoredClient> find(long serviceId, long clientId) {
        return reads.first("findClient", ClientSql.FIND, Params.of().integer(clientId).integer(serviceId),
                this::client);
    }

    @Override
    public Optional<StoredClient> findByAlias(long serviceId, String alias) {
        return reads.first("findClientByAlias", ClientSql.FIND_BY_ALIAS, Params.of().integer(serviceId).text(alias),
                this::client);
    }

    @Override
    public Outcome update(StoredClient client) {
        Params row = Params.of()
                .text(client.alias())
                .blob(sealedSecret(client))
                .text(client.document())
                .integer(millis(client.createdAt()))
                .integer(millis(client.modifiedAt()))
                .integer(client.clientId())
                .integer(client.serviceId())
                .integer(client.serviceId())
                .text(client.alias())
                .integer(client.clientId());
        Params key = Params.of().integer(client.clientId()).integer(client.serviceId());
        return writer.submit("updateClient", context -> {
            if (context.update(ClientSql.UPDATE, row) == 1) {
                notices.announce(context, ChangeNotices.Kind.CLIENTS, client.serviceId());
                return Outcome.DONE;
            }
            return context.first(ClientSql.EXISTS, key, exists -> true).isPresent()
                    ? Outcome.ALIAS_TAKEN : Outcome.CONFLICT_OR_MISSING;
        });
    }

    @Override
    public boolean delete(long serviceId, long clientId) {
        Params key = Params.of().integer(clientId).integer(serviceId);
        return deletions.submit("deleteClient", context -> {
            if (context.update(ClientSql.DELETE, key) != 1) {
                return false;
            }
            OwnerPurgeSql.run(context, OwnerPurgeSql.OF_CLIENT, key);
            notices.announce(context, ChangeNotices.Kind.CLIENTS, serviceId);
            return true;
        });
    }

    @Override
    public List<StoredClient> list(long serviceId, int start, int end) {
        return reads.all("listClients", ClientSql.LIST,
                Params.of().integer(serviceId).then(Paging.limitOffset(start, end)), this::client);
    }

    @Override
    public int count(long serviceId) {
        return reads.first("countClients", ClientSql.COUNT, Params.of().integer(serviceId), row -> row.getInt(1))
                .orElse(0);
    }

    private byte[] sealedSecret(StoredClient client) {
        return client.secret() == null ? null : sealer.seal(client.serviceId(), client.clientId(), client.secret());
    }

    private StoredClient client(ResultSet row) throws SQLException {
        long serviceId = row.getLong("service_id");
        long clientId = row.getLong("client_id");
        byte[] sealed = row.getBytes("sealed_secret");
        return new StoredClient(
                serviceId,
                clientId,
                row.getString("alias"),
                sealed == null ? null : sealer.unseal(serviceId, clientId, sealed),
                row.getString("document"),
                instant(row, "created_at"),
                instant(row, "modified_at"));
    }
}
