package io.grantsmith.core.spi;

import java.util.Optional;

/** Small server-wide settings, such as the hash of the generated admin token. */
public interface SettingsStore {
    Optional<String> get(String key);

    void put(String key, String value);
}
