package io.grantsmith.registry;

import java.util.Optional;

/** Small server-wide settings, such as the hash of the generated admin token. */
public interface SettingsStore {
    Optional<String> get(String key);

    void put(String key, String value);
}
