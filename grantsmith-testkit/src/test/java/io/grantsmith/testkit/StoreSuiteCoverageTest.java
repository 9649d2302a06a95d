package io.grantsmith.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.grantsmith.registry.Stores;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every store runs every suite of this kit. A suite is an abstract class here with tests and an abstract
 * {@code openStores()}; a store is the first word of the name of a test class that extends one (Memory, Sqlite,
 * Postgres) in a {@code grantsmith-store-*} module. A store that runs some suites must run them all: adding a suite
 * without running it on every store, or a store without every suite, fails here.
 */
class StoreSuiteCoverageTest {
    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+(\\w+)\\s+extends\\s+(\\w+)");
    private static final Pattern FIRST_WORD = Pattern.compile("^[A-Z][a-z0-9]*");

    @Test
    void whenStoreModulesAreScannedThenEveryStoreRunsEverySuite() throws Exception {
        Set<String> suites = suites();
        Map<String, Set<String>> runByStore = suitesRunByStore(suites);

        assertThat(suites).as("suites found in the kit").contains("StoreContract", "KeyStoreContract",
                "AuthorizationStoreContract", "RefreshBehaviour", "ConcurrencyBehaviour");
        assertThat(runByStore.keySet()).as("stores found").contains("Memory", "Sqlite", "Postgres");
        runByStore.forEach((store, run) -> assertThat(run).as("suites the %s store runs", store)
                .containsExactlyInAnyOrderElementsOf(suites));
    }

    /** The kit's abstract classes that have test methods and leave {@code openStores()} to the store. */
    private static Set<String> suites() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(StoreContract.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path kit = classes.resolve(StoreContract.class.getPackageName().replace('.', '/'));
        Set<String> suites = new TreeSet<>();
        try (Stream<Path> files = Files.list(kit)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName(StoreContract.class.getPackageName() + "."
                        + name.substring(0, name.length() - ".class".length()));
                if (Modifier.isAbstract(type.getModifiers()) && !type.isInterface() && opensStores(type)
                        && hasTests(type)) {
                    suites.add(type.getSimpleName());
                }
            }
        }
        return suites;
    }

    private static boolean opensStores(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals("openStores") && method.getReturnType() == Stores.class
                        && Modifier.isAbstract(method.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasTests(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Test.class)) {
                return true;
            }
        }
        return false;
    }

    /** Per store, the suites its test classes extend, read from the sources of every store module. */
    private static Map<String, Set<String>> suitesRunByStore(Set<String> suites) throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<Path> modules = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(path -> path.getFileName().toString().startsWith("grantsmith-store-"))
                    .forEach(modules::add);
        }
        assertThat(modules).as("store modules beside %s", root).isNotEmpty();
        Map<String, Set<String>> runByStore = new TreeMap<>();
        for (Path module : modules) {
            Path tests = module.resolve("src/test/java");
            if (!Files.isDirectory(tests)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(tests)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (file.toString().endsWith(".java")) {
                        Matcher extension = EXTENDS.matcher(Files.readString(file));
                        while (extension.find()) {
                            if (suites.contains(extension.group(2))) {
                                Matcher store = FIRST_WORD.matcher(extension.group(1));
                                assertThat(store.find()).as(extension.group(1)).isTrue();
                                runByStore.computeIfAbsent(store.group(), key -> new TreeSet<>())
                                        .add(extension.group(2));
                            }
                        }
                    }
                }
            }
        }
        return runByStore;
    }
}
