package io.grantsmith.store.jdbc;

import io.grantsmith.registry.SettingsStore;
import java.util.Optional;

/** Server-wide settings as name/value rows; a put replaces the value. */
final class JdbcSettingsStore implements SettingsStore {
    private final StoreWriter writer;
    private final ReadPool reads;

    JdbcSettingsStore(StoreWriter writer, ReadPool reads) {
        this.writer = writer;
        this.reads = reads;
    }

    @Override
    public Optional<String> get(String key) {
        return reads.first("getSetting", SettingsSql.GET, Params.of().text(key), row -> row.getString("value"));
    }

    @Override
    public void put(String key, String value) {
        Params row = Params.of().text(key).text(value);
        writer.submit("putSetting", context -> context.update(SettingsSql.PUT, row));
    }
}
