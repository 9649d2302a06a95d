package io.grantsmith.server.cli;

import io.grantsmith.facade.Grantsmith;
import io.grantsmith.facade.keys.KeyMaterial;
import io.grantsmith.registry.Stores;
import io.grantsmith.server.config.ConfigDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens Grantsmith over the data directory: the master key, the store, and the configured settings. */
final class Bootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(Bootstrap.class);
    static final String KEY_FILE = "master.key";

    private Bootstrap() {
    }

    /** Creates the data directory, if missing, readable by its owner only (0700): it holds the keys and the data. */
    private static void createPrivately(Path dataDir) throws IOException {
        if (dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(dataDir, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dataDir);
        }
    }

    /**
     * @param tuning the server's settings, which include background housekeeping; null for offline commands,
     *               which run with the defaults and no background work
     */
    static Grantsmith open(GrantsmithCommand root, DataOptions data, Tuning tuning) throws Exception {
        ConfigDefaults config = root.config();
        SecureRandom random = new SecureRandom();
        Path dataDir = data.dataDir.toAbsolutePath().normalize();
        createPrivately(dataDir);
        String configuredKey = config.setting("master-key");
        KeyMaterial keys = configuredKey != null ? KeyMaterial.fromBase64(configuredKey)
                : KeyMaterial.loadOrCreate(dataDir.resolve(KEY_FILE), random);
        StoreOptions storeOptions = (tuning != null ? tuning.storeOptions() : StoreOptions.defaults())
                .on(data, config.setting("db-password"));
        if (storeOptions.kind() == StoreOptions.Kind.POSTGRES && configuredKey == null) {
            // each node would otherwise seal with a key of its own, and not open what the others sealed
            LOG.warn("--store postgres with the master key from {}: every node of the database needs this same key; "
                    + "give it to all of them as GRANTSMITH_MASTER_KEY", dataDir.resolve(KEY_FILE));
        }
        Stores stores = root.storeFactory().open(dataDir, keys, storeOptions);
        try {
            Grantsmith.Builder builder = Grantsmith.builder()
                    .stores(stores)
                    .keys(keys)
                    .random(random)
                    .adminToken(config.setting("admin-token"));
            if (tuning != null) {
                builder.cacheTtl(tuning.cacheTtl())
                        .refreshGracePeriod(tuning.refreshGrace())
                        .ticketLifetime(tuning.ticketLifetime())
                        .authorizationTicketLifetime(tuning.authorizationTicketLifetime())
                        .sessionLifetime(tuning.sessionLifetime())
                        .errorUriBase(tuning.errorUriBase)
                        .housekeepingInterval(tuning.purgeInterval())
                        .passwordLimits(tuning.passwordLimits())
                        .issuanceRate(tuning.issuanceRate())
                        .maxClientsPerService(tuning.maxClientsPerService())
                        .publicUrl(tuning.publicUrl())
                        .joseProvider(tuning.joseProvider());
            }
            return builder.build();
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
    }
}
