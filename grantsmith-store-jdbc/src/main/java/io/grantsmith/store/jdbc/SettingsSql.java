package io.grantsmith.store.jdbc;

/** The SQL of the settings table. */
final class SettingsSql {
    static final String PUT = "INSERT INTO settings (name, value) VALUES (?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value";

    static final String GET = "SELECT value FROM settings WHERE name = ?";

    private SettingsSql() {
    }
}
