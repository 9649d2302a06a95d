package io.grantsmith.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core is pure: it depends on the JDK and grantsmith-api only (not even on grantsmith-registry, the
 * management ports built on top of it). This reads every compiled class of the module
 * and fails when one refers to a package of HTTP, JSON, JDBC, JOSE, crypto or logging libraries (class references
 * are kept as plain strings in the constant pool, so a byte search finds them).
 */
class DependencyRuleTest {
    private static final List<String> FORBIDDEN = List.of("java/sql/", "javax/sql/", "com/fasterxml/",
            "org/eclipse/jetty/", "jakarta/servlet/", "javax/servlet/", "org/slf4j/", "ch/qos/logback/",
            "com/github/benmanes/", "com/zaxxer/", "org/flywaydb/", "org/sqlite/", "io/grantsmith/facade/",
            "io/grantsmith/registry/", "io/grantsmith/server/", "io/grantsmith/store/", "io/grantsmith/jose/",
            "com/nimbusds/", "com/google/crypto/tink/", "com/google/protobuf/", "org/bouncycastle/");

    @Test
    void whenCoreClassesAreCompiledThenTheyReferToNoLibraryOutsideTheJdkAndTheApi() throws IOException {
        Path classes = Path.of(TokenEngine.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> violations = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                checked++;
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String forbidden : FORBIDDEN) {
                    if (bytes.contains(forbidden)) {
                        violations.add(classes.relativize(file) + " refers to " + forbidden);
                    }
                }
            }
        }

        assertThat(checked).as("classes checked").isGreaterThan(50);
        assertThat(violations).isEmpty();
    }

    @Test
    void whenCoreIsOnTheClasspathThenNoJoseLibraryComesWithIt() {
        // the signing ports' implementations live in grantsmith-jose; core's own dependencies must not pull them in.
        // (Jackson is on this classpath on purpose: core's tests read JSON with it, in test scope only; the class-file
        // rule above keeps it out of core's own classes.)
        for (String library : List.of("com.nimbusds.jose.JWSObject", "com.google.crypto.tink.subtle.Ed25519Sign")) {
            assertThat(isLoadable(library)).as(library).isFalse();
        }
    }

    private static boolean isLoadable(String className) {
        try {
            Class.forName(className, false, DependencyRuleTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
