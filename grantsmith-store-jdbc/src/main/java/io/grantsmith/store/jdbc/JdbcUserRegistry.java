package io.grantsmith.store.jdbc;

import static io.grantsmith.store.jdbc.Columns.instant;
import static io.grantsmith.store.jdbc.Columns.millis;

import io.grantsmith.registry.StoredUser;
import io.grantsmith.registry.UserRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Users of the built-in authorization server, keyed by service and username. */
final class JdbcUserRegistry implements UserRegistry {
    private final StoreWriter writer;
    private final ReadPool reads;

    JdbcUserRegistry(StoreWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public boolean insert(StoredUser user) {
        Params row = Params.of()
                .integer(user.serviceId())
                .text(user.username())
                .text(user.subject())
                .text(user.passwordHash())
                .integer(millis(user.createdAt()))
                .text(user.claims());
        return writer.submit("insertUser", context -> context.update(UserSql.INSERT, row) == 1);
    }

    @Override
    public Optional<StoredUser> find(long serviceId, String username) {
        return reads.first("findUser", UserSql.FIND, Params.of().integer(serviceId).text(username),
                JdbcUserRegistry::user);
    }

    @Override
    public Optional<StoredUser> findBySubject(long serviceId, String subject) {
        return reads.first("findUserBySubject", UserSql.FIND_BY_SUBJECT, Params.of().integer(serviceId).text(subject),
                JdbcUserRegistry::user);
    }

    @Override
    public boolean update(StoredUser user) {
        Params row = Params.of()
                .text(user.subject())
                .text(user.passwordHash())
                .integer(millis(user.createdAt()))
                .text(user.claims())
                .integer(user.serviceId())
                .text(user.username());
        return writer.submit("updateUser", context -> context.update(UserSql.UPDATE, row) == 1);
    }

    @Override
    public boolean updateClaims(long serviceId, String username, String claims) {
        Params row = Params.of().text(claims).integer(serviceId).text(username);
        return writer.submit("updateUserClaims", context -> context.update(UserSql.UPDATE_CLAIMS, row) == 1);
    }

    @Override
    public boolean delete(long serviceId, String username) {
        Params key = Params.of().integer(serviceId).text(username);
        return writer.submit("deleteUser", context -> context.update(UserSql.DELETE, key) == 1);
    }

    private static StoredUser user(ResultSet row) throws SQLException {
        return new StoredUser(
                row.getLong("service_id"),
                row.getString("username"),
                row.getString("subject"),
                row.getString("password_hash"),
                instant(row, "created_at"),
                row.getString("claims"));
    }
}
