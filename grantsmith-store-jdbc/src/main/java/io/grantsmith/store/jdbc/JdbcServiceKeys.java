package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.instantOrNull;
import static io.grantsmith.store.jdbc.Columns.millis;
import static io.grantsmith.store.jdbc.Columns.millisOrNull;

import io.grantsmith.core.jose.KeyState;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.spi.KeyChange;
import io.grantsmith.core.spi.ServiceKeyStore;
import io.grantsmith.core.spi.StoreException;
import io.grantsmith.core.spi.StoredKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Signing keys, with their private JWKs sealed by {@link SecretSealer} (bound to service and key ID). Sealing
 * happens on the calling thread before the write is queued; a list of changes is one write, rolled back to its
 * savepoint when a precondition fails, so that it applies all or nothing.
 */
final class JdbcServiceKeys implements ServiceKeyStore {
    private final StoreWriter writer;
    private final ReadPool reads;
    private final SecretSealer sealer;
    private final ChangeNotices notices;

    JdbcServiceKeys(StoreWriter writer, ReadPool reads, SecretSealer sealer, ChangeNotices notices) {
        this.writer = writer;
        this.reads = reads;
        this.sealer = sealer;
        this.notices = notices;
    }

    @Override
    public List<StoredKey> list(long serviceId) {
        return reads.all("listKeys", KeySql.LIST, Params.of().integer(serviceId), this::key);
    }

    @Override
    public boolean apply(long serviceId, List<KeyChange> changes) {
        List<Statement> statements = new ArrayList<>(changes.size());
        for (KeyChange change : changes) {
            statements.add(statement(serviceId, change));
        }
        return writer.submit("applyKeyChanges", context -> {
            try (WriteContext.OpSavepoint savepoint = context.savepoint()) {
                for (Statement statement : statements) {
                    if (context.update(statement.sql(), statement.params()) != 1) {
                        savepoint.rollback();
                        return false;
                    }
                }
                notices.announce(context, ChangeNotices.Kind.KEYS, serviceId);
                return true;
            }
        });
    }

    @Override
    public int purgeRetired(Instant now, int limit) {
        if (limit <= 0) {
            return 0; // a negative LIMIT means "no limit" to SQLite
        }
        Params params = Params.of().integer(millis(now)).integer(limit);
        return writer.submit("purgeRetiredKeys", context -> context.update(KeySql.PURGE_RETIRED, params));
    }

    private record Statement(String sql, Params params) {
    }

    private Statement statement(long serviceId, KeyChange change) {
        if (change instanceof KeyChange.Insert insert) {
            StoredKey key = insert.key();
            if (key.serviceId() != serviceId) {
                throw new IllegalArgumentException("a key of service " + key.serviceId() + " inserted for " + serviceId);
            }
            return new Statement(KeySql.INSERT, Params.of()
                    .integer(serviceId)
                    .text(key.kid())
                    .text(key.algorithm().wireName())
                    .text(key.state().name())
                    .blob(sealer.sealPrivateKey(serviceId, key.kid(), key.privateJwk()))
                    .text(key.publicJwk())
                    .integer(millis(key.createdAt()))
                    .integerOrNull(millisOrNull(key.activatedAt()))
                    .integerOrNull(millisOrNull(key.retiredAt()))
                    .integerOrNull(millisOrNull(key.publishUntil())));
        }
        if (change instanceof KeyChange.Transition transition) {
            return new Statement(KeySql.TRANSITION, Params.of()
                    .text(transition.to().name())
                    .integerOrNull(millisOrNull(transition.activatedAt()))
                    .integerOrNull(millisOrNull(transition.retiredAt()))
                    .integerOrNull(millisOrNull(transition.publishUntil()))
                    .integer(serviceId)
                    .text(transition.kid())
                    .text(transition.from().name()));
        }
        KeyChange.Delete delete = (KeyChange.Delete) change;
        return new Statement(KeySql.DELETE, Params.of().integer(serviceId).text(delete.kid()).text(delete.from().name()));
    }

    private StoredKey key(ResultSet row) throws SQLException {
        long serviceId = row.getLong("service_id");
        String kid = row.getString("kid");
        String alg = row.getString("alg");
        return new StoredKey(
                serviceId,
                kid,
                SigningAlgorithm.ofWireName(alg).orElseThrow(() ->
                        new StoreException("a signing key of service " + serviceId + " has an unknown algorithm")),
                KeyState.valueOf(row.getString("state")),
                sealer.unsealPrivateKey(serviceId, kid, row.getBytes("sealed_private_jwk")),
                row.getString("public_jwk"),
                instant(row, "created_at"),
                instantOrNull(row, "activated_at"),
                instantOrNull(row, "retired_at"),
                instantOrNull(row, "publish_until"));
    }
}
