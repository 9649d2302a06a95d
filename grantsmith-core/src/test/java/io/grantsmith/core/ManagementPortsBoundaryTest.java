package io.grantsmith.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's {@code spi} holds only the ports the engine itself needs (lookups, token and ticket stores, the key
 * store its signing ports read). The management ports (services, clients, users and settings as the management
 * API keeps them, the {@code Stores} bundle, housekeeping and store statistics) live in grantsmith-registry, which
 * the facade owns. This reads every compiled class of the core and fails when one defines or refers to a type by
 * a management port's name, wherever in the core it was put back.
 */
class ManagementPortsBoundaryTest {
    /** A core class named as a management type (or a type nested in one), up to the end of the name. */
    private static final Pattern MANAGEMENT_TYPE = Pattern.compile("io/grantsmith/core/(?:[a-z]+/)*(ServiceRegistry"
            + "|ClientRegistry|UserRegistry|StoredService|StoredClient|StoredUser|SettingsStore|Stores|Housekeeping"
            + "|StoreStatistic)(?![\\w])");

    @Test
    void whenCoreClassesAreCompiledThenNoneIsOrReferencesAManagementPort() throws IOException {
        Path classes = Path.of(TokenEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> violations = new ArrayList<>();
        int spiPorts = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                if (file.getParent().endsWith(Path.of("io", "grantsmith", "core", "spi"))) {
                    spiPorts++;
                }
                Matcher matcher = MANAGEMENT_TYPE.matcher(
                        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                while (matcher.find()) {
                    violations.add(classes.relativize(file) + " is or refers to " + matcher.group(1));
                }
            }
        }

        assertThat(spiPorts).as("classes in the engine's spi").isGreaterThan(5);
        assertThat(violations).isEmpty();
    }

    @Test
    void whenTheRuleReadsAManagementTypeItFindsIt() {
        // the constant pool spells a class as its internal name followed by the next entry's tag byte
        assertThat(MANAGEMENT_TYPE.matcher("Lio/grantsmith/core/spi/UserRegistry;").find()).isTrue();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/spi/StoredClient\u0001").find()).isTrue();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/Stores\u0007").find()).isTrue();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/spi/UserRegistry$Outcome\u0001").find()).isTrue();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/spi/StoredKey\u0001").find()).isFalse();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/spi/TokenStore;").find()).isFalse();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/grant/GrantRegistry;").find()).isFalse();
        assertThat(MANAGEMENT_TYPE.matcher("io/grantsmith/core/spi/StoresOfTokens;").find()).isFalse();
    }
}
