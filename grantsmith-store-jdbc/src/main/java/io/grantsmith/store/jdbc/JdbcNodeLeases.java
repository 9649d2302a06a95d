package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.core.spi.NodeIdSource;
import io.grantsmith.registry.NodeLeases;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Node ID leases as rows of {@code node_leases}. Taking an ID is one conditional upsert (insert it, or take it over
 * only if its lease expired before now), so two nodes racing for one ID cannot both win: the loser's statement
 * changes no row and it tries the next candidate. Renewal only extends a lease its holder still holds.
 */
final class JdbcNodeLeases implements NodeLeases {
    private static final String HELD = "SELECT node_id, expires_at FROM node_leases ORDER BY node_id";
    private static final String TAKE = "INSERT INTO node_leases (node_id, holder, expires_at) VALUES (?, ?, ?) "
            + "ON CONFLICT (node_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at "
            + "WHERE node_leases.expires_at < ?";
    private static final String RENEW = "UPDATE node_leases SET expires_at = ? WHERE node_id = ? AND holder = ?";
    private static final String RELEASE = "DELETE FROM node_leases WHERE node_id = ? AND holder = ?";

    private record Held(int nodeId, long expiresAt) {
    }

    private final StoreWriter writer;

    JdbcNodeLeases(StoreWriter writer) {
        this.writer = writer;
    }

    @Override
    public OptionalInt acquire(String holder, Instant now, Instant expiresAt) {
        long nowMillis = millis(now);
        return writer.submit("acquireNodeLease", context -> {
            List<Held> held = context.all(HELD, Params.of(), row -> new Held(row.getInt(1), row.getLong(2)));
            // the candidates in order: IDs absent from the table, or whose lease has expired
            int next = 0;
            for (int candidate = 0; candidate < NodeIdSource.NODE_IDS; candidate++) {
                while (next < held.size() && held.get(next).nodeId() < candidate) {
                    next++;
                }
                boolean present = next < held.size() && held.get(next).nodeId() == candidate;
                if (present && held.get(next).expiresAt() >= nowMillis) {
                    continue;
                }
                Params row = Params.of().integer(candidate).text(holder).integer(millis(expiresAt))
                        .integer(nowMillis);
                if (context.update(TAKE, row) == 1) {
                    return OptionalInt.of(candidate);
                }
                // another node took it since the read: try the next one
            }
            return OptionalInt.empty();
        });
    }

    @Override
    public boolean renew(int nodeId, String holder, Instant expiresAt) {
        Params row = Params.of().integer(millis(expiresAt)).integer(nodeId).text(holder);
        return writer.submit("renewNodeLease", context -> context.update(RENEW, row) == 1);
    }

    @Override
    public void release(int nodeId, String holder) {
        Params row = Params.of().integer(nodeId).text(holder);
        writer.submit("releaseNodeLease", context -> context.update(RELEASE, row));
    }
}
