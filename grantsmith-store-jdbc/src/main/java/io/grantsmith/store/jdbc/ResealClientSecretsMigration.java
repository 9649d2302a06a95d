package io.grantsmith.store.jdbc;

import io.grantsmith.core.model.ClientSecret;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 3: reseals client secrets of format 1 (bound to the client ID only) in format 2, which binds the
 * service ID too (see {@link SecretSealer}). It needs the sealing key, so it is a Java migration that the store
 * hands to Flyway with its sealer rather than an SQL file. It runs in one transaction: with a wrong key the first
 * secret fails to open, nothing is changed and the store does not open, with the sealer's message.
 */
final class ResealClientSecretsMigration implements JavaMigration {
    private static final String SEALED = "SELECT client_id, service_id, sealed_secret FROM clients "
            + "WHERE sealed_secret IS NOT NULL";
    private static final String UPDATE = "UPDATE clients SET sealed_secret = ? WHERE client_id = ?";

    private final SecretSealer sealer;

    ResealClientSecretsMigration(SecretSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("3");
    }

    @Override
    public String getDescription() {
        return "bind sealed client secrets to their service";
    }

    /** None: the code is the migration, and a checksum of it would flag every later refactoring. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(SEALED);
                PreparedStatement update = connection.prepareStatement(UPDATE);
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                byte[] sealed = rows.getBytes("sealed_secret");
                if (sealed.length == 0 || sealed[0] != SecretSealer.FORMAT_1) {
                    continue; // already current (sealed by this release before an earlier attempt failed)
                }
                long clientId = rows.getLong("client_id");
                ClientSecret secret = sealer.unsealFormat1(clientId, sealed);
                update.setBytes(1, sealer.seal(rows.getLong("service_id"), clientId, secret));
                update.setLong(2, clientId);
                update.executeUpdate();
            }
        }
    }
}
