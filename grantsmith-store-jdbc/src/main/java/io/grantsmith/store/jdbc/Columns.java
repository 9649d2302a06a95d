package io.grantsmith.store.jdbc;

import io.grantsmith.core.model.FamilyId;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Column encodings shared by the tables: times as epoch milliseconds, families as 16-byte UUIDs. */
final class Columns {
    private Columns() {
    }

    /** Milliseconds since the epoch; finer precision is dropped (the engine's clock is truncated to ms). */
    static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    static Long millisOrNull(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static Instant instantOrNull(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static byte[] family(FamilyId family) {
        if (family == null) {
            return null;
        }
        UUID value = family.value();
        return ByteBuffer.allocate(16)
                .putLong(value.getMostSignificantBits()).putLong(value.getLeastSignificantBits()).array();
    }

    static FamilyId family(ResultSet row, String column) throws SQLException {
        byte[] bytes = row.getBytes(column);
        if (bytes == null) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        return new FamilyId(new UUID(buffer.getLong(), buffer.getLong()));
    }
}
