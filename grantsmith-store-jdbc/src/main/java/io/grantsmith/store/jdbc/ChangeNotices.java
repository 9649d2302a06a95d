package io.grantsmith.store.jdbc;

import java.sql.SQLException;

/**
 * Announces a change to a service, its clients or its keys to the other nodes, inside the write that makes it: on
 * PostgreSQL a {@code pg_notify} on the store's channel, which the database delivers to every listening node when (and
 * only if) the transaction commits; on SQLite nothing (no other node shares the file; the offline CLI is bounded by
 * the caches' time-to-live). See {@link PostgresChangeListener} for the receiving side and the payload.
 */
final class ChangeNotices {
    static final ChangeNotices NONE = new ChangeNotices(null);

    private static final String NOTIFY = "SELECT pg_notify(?, ?)";

    enum Kind {
        SERVICE('s'), CLIENTS('c'), KEYS('k');

        final char code;

        Kind(char code) {
            this.code = code;
        }
    }

    private final String channel;

    private ChangeNotices(String channel) {
        this.channel = channel;
    }

    /** Notices on {@code channel} (PostgreSQL). */
    static ChangeNotices on(String channel) {
        return new ChangeNotices(channel);
    }

    void announce(WriteContext context, Kind kind, long serviceId) throws SQLException {
        if (channel != null) {
            context.first(NOTIFY, Params.of().text(channel).text(kind.code + ":" + serviceId), row -> Boolean.TRUE);
        }
    }
}
