package io.grantsmith.server.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.grantsmith.server.cli.GrantsmithCommand;
import io.grantsmith.server.config.ConfigDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The container files at the repository's root agree with each other and with the server: compose.yaml's two nodes
 * share one configuration (admin token, master key, database) given only through variables, HAProxy's configuration
 * sends to those two services and checks their /health, every GRANTSMITH_ variable names a real setting, and the
 * Dockerfile builds in one stage (base images as build arguments, compose passing the same defaults) and runs as a user without privileges with a health check and with bin/grantsmith's
 * JVM options (its class-data archive made with them too). (Whether Docker builds and runs them is for a machine with
 * a Docker daemon; deploy/local-cluster.sh runs the same topology without one.)
 */
class DeploymentFilesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern VARIABLE = Pattern.compile("\\bGRANTSMITH_[A-Z0-9_]+\\b");
    /** Read by the launcher and the logging configuration, not by picocli; the rest have no command-line option (secrets). */
    private static final Set<String> OUTSIDE_PICOCLI = Set.of("GRANTSMITH_JAVA_OPTS", "GRANTSMITH_LOG_LEVEL",
            "GRANTSMITH_ADMIN_TOKEN", "GRANTSMITH_MASTER_KEY", "GRANTSMITH_DB_PASSWORD", "GRANTSMITH_METRICS_TOKEN",
            // deploy/haproxy.cfg's own
            "GRANTSMITH_LB_BIND", "GRANTSMITH_NODE1", "GRANTSMITH_NODE2");
    private static final List<String> NODES = List.of("grantsmith-1", "grantsmith-2");

    @Test
    void composeRunsPostgresTwoNodesWithOneConfigurationAndHaproxy() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("compose.yaml").toFile())
                .get("services");

        assertThat(iterable(services.fieldNames())).containsExactlyInAnyOrder("postgres", "grantsmith-1",
                "grantsmith-2", "haproxy");
        JsonNode environment = services.get("grantsmith-1").get("environment");
        assertThat(services.get("grantsmith-2").get("environment")).isEqualTo(environment);
        assertThat(environment.get("GRANTSMITH_STORE").asText()).isEqualTo("postgres");
        assertThat(environment.get("GRANTSMITH_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/")
                .contains("logServerErrorDetail=false");
        for (String secret : List.of("GRANTSMITH_ADMIN_TOKEN", "GRANTSMITH_MASTER_KEY", "GRANTSMITH_DB_PASSWORD")) {
            assertThat(environment.get(secret).asText()).as(secret + " comes from the environment, required")
                    .startsWith("${").contains(":?");
        }
        Set<String> volumes = new HashSet<>();
        for (String node : NODES) {
            assertThat(services.get(node).at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
            assertThat(services.get("haproxy").at("/depends_on/" + node + "/condition").asText())
                    .as("HAProxy starts with one node down: its own checks pick the nodes").isEqualTo("service_started");
            assertThat(services.get(node).path("mem_limit").asText())
                    .as(node + " memory limit (above the heap the image sets)").isNotEmpty();
            assertThat(services.get(node).get("image").asText()).isEqualTo("grantsmith:local");
            volumes.add(services.get(node).get("volumes").get(0).asText());
            assertThat(services.get(node).has("ports")).as(node + " is reached through HAProxy only").isFalse();
        }
        assertThat(volumes).as("each node its own data volume").hasSize(2);
        assertThat(iterable(services.elements())).as("the image is built once").filteredOn(s -> s.has("build"))
                .hasSize(1);
        assertThat(iterable(services.elements())).as("every service's log is rotated")
                .allSatisfy(s -> assertThat(s.at("/logging/options/max-size").asText()).isNotEmpty());
        assertThat(services.at("/postgres/healthcheck/test").toString())
                .as("over TCP, so the image's init server (Unix socket only) does not count as ready")
                .contains("pg_isready -h 127.0.0.1");
        String haproxyVolume = services.at("/haproxy/volumes/0").asText();
        assertThat(haproxyVolume).startsWith("./deploy/haproxy.cfg:");
        assertThat(ROOT.resolve("deploy/haproxy.cfg")).isRegularFile();
    }

    @Test
    void haproxySendsToTheComposeNodesAndChecksTheirHealth() throws IOException {
        String config = Files.readString(ROOT.resolve("deploy/haproxy.cfg"));

        for (int i = 0; i < NODES.size(); i++) {
            assertThat(config).contains("server node" + (i + 1) + " \"${GRANTSMITH_NODE" + (i + 1) + "-" + NODES.get(i)
                    + ":8080}\" check");
        }
        assertThat(config).contains("http-check send meth GET uri /health", "http-check expect status 200",
                "X-Request-Id");
    }

    /** The query string may hold tokens (id_token_hint, request objects, login_hint): HAProxy logs the path only. */
    @Test
    void haproxyLogsNoQueryString() throws IOException {
        List<String> directives = haproxyDirectives();

        assertThat(directives).noneMatch(line -> line.startsWith("option httplog"));
        String format = directives.stream().filter(line -> line.startsWith("log-format ")).findFirst().orElseThrow();
        assertThat(format).contains("%HM", "%{+Q}HPO");
        assertThat(format).as("request line, URI, path with query, query").doesNotContain("%HU", "%HQ")
                .doesNotContainPattern("%(\\{[^}]*})?r\\b")
                .doesNotContainPattern("%(\\{[^}]*})?HP(?!O)");
    }

    /** A request that cannot connect to a node just killed (still in the pool) goes to the other node. */
    @Test
    void haproxyRetriesOnlyAFailedConnectionOnTheOtherNode() throws IOException {
        List<String> directives = haproxyDirectives();

        assertThat(directives).contains("retry-on conn-failure").anyMatch(line -> line.startsWith("option redispatch"))
                .anyMatch(line -> line.matches("retries [1-9]"));
    }

    /**
     * A stopped node container's address answers nothing: each request sent to it waits the whole connect timeout,
     * so that timeout stays short, and failed connections in live traffic take the node out before its checks do.
     */
    @Test
    void haproxyGivesUpOnASilentNodeQuickly() throws IOException {
        List<String> directives = haproxyDirectives();

        String connect = directives.stream().filter(line -> line.startsWith("timeout connect ")).findFirst()
                .orElseThrow();
        assertThat(connect).matches("timeout connect [1-9][0-9]{0,2}ms");
        assertThat(directives.stream().filter(line -> line.startsWith("server "))).hasSize(NODES.size())
                .allMatch(line -> line.contains(" observe layer4 ") && line.contains(" on-error mark-down"));
    }

    private static List<String> haproxyDirectives() throws IOException {
        return Files.readAllLines(ROOT.resolve("deploy/haproxy.cfg")).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    @Test
    void theDockerfileHealthCheckIsTheCommandThatReadsServesSettings() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
        CommandLine cli = GrantsmithCommand.commandLine(new GrantsmithCommand(ConfigDefaults.load(Map.of(), null), null, false));

        assertThat(dockerfile).contains("\"health-check\"]").doesNotContain("curl");
        assertThat(cli.getSubcommands()).containsKey("health-check");
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".env");
    }

    @Test
    void theDockerfileBuildsInOneStageAndRunsUnprivilegedWithAHealthCheck() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        Map<String, String> baseImages = baseImageArguments(lines);
        List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).map(line -> resolve(line, baseImages))
                .toList();

        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).contains("temurin-17").endsWith(" AS build");
        assertThat(stages.get(1)).contains("temurin:17-jre");
        String user = lines.stream().filter(line -> line.startsWith("USER ")).findFirst().orElseThrow();
        assertThat(user.substring(5).split(":")[0]).isNotIn("0", "root");
        assertThat(String.join("\n", lines)).contains("HEALTHCHECK", "VOLUME [\"/var/lib/grantsmith\"]",
                "GRANTSMITH_DATA=/var/lib/grantsmith", "GRANTSMITH_HOST=0.0.0.0", "EXPOSE 8080",
                "COPY --from=build");
        for (Path pom : modulePoms()) {
            String module = ROOT.relativize(pom.getParent()).toString();
            assertThat(lines).as("the build stage copies " + module).contains("COPY " + module + "/pom.xml " + module
                    + "/", "COPY " + module + "/src " + module + "/src");
        }
    }

    @Test
    void composeBuildsWithTheDockerfilesBaseImagesUnlessOthersAreGiven() throws IOException {
        Map<String, String> baseImages = baseImageArguments(Files.readAllLines(ROOT.resolve("Dockerfile")));
        JsonNode args = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("compose.yaml").toFile())
                .at("/services/grantsmith-1/build/args");

        assertThat(baseImages).containsOnlyKeys("BUILD_IMAGE", "RUNTIME_IMAGE");
        baseImages.forEach((name, image) -> assertThat(args.path(name).asText()).as("compose's " + name)
                .isEqualTo("${" + name + ":-" + image + "}"));
    }

    /** The Dockerfile's ARG lines before its first FROM: the base images, with their defaults. */
    private static Map<String, String> baseImageArguments(List<String> dockerfile) {
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String line : dockerfile) {
            if (line.startsWith("FROM ")) {
                break;
            }
            if (line.startsWith("ARG ")) {
                String[] nameAndDefault = line.substring(4).trim().split("=", 2);
                arguments.put(nameAndDefault[0], nameAndDefault.length == 2 ? nameAndDefault[1] : "");
            }
        }
        return arguments;
    }

    private static String resolve(String line, Map<String, String> arguments) {
        String resolved = line;
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            resolved = resolved.replace("${" + argument.getKey() + "}", argument.getValue());
        }
        return resolved;
    }

    @Test
    void theImageRunsAndTrainsItsClassDataArchiveWithTheLaunchersJvmOptions() throws IOException {
        List<String> launcherOptions = new ArrayList<>();
        Pattern defaults = Pattern.compile("^GRANTSMITH_DEFAULT_[A-Z_]+=\"(.*)\"$");
        for (String line : Files.readAllLines(ROOT.resolve("bin/grantsmith"))) {
            Matcher matcher = defaults.matcher(line);
            if (matcher.matches()) {
                launcherOptions.addAll(List.of(matcher.group(1).split(" ")));
            }
        }
        List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
        List<String> runtimeOptions = words(lines.stream().filter(line -> line.contains("GRANTSMITH_JAVA_OPTS=\""))
                .findFirst().orElseThrow());
        List<String> trainingOptions = new ArrayList<>();
        int line = lines.indexOf(lines.stream().filter(text -> text.startsWith("RUN /opt/grantsmith/grantsmith-cds"))
                .findFirst().orElseThrow());
        do { // the RUN goes on over the lines that end in a backslash
            trainingOptions.addAll(words(lines.get(line)));
        } while (lines.get(line++).endsWith("\\"));

        assertThat(launcherOptions).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
                .anyMatch(option -> option.startsWith("-Xmx"));
        assertThat(runtimeOptions).as("the image runs with bin/grantsmith's options").containsAll(launcherOptions);
        assertThat(trainingOptions).as("the image's archive is made with them").containsAll(launcherOptions);
    }

    private static List<String> words(String line) {
        return List.of(line.trim().split("[\\s\"\\\\]+"));
    }

    @Test
    void everyGrantsmithVariableInTheContainerFilesIsASetting() throws IOException {
        Set<String> settings = new TreeSet<>(OUTSIDE_PICOCLI);
        CommandLine serve = GrantsmithCommand.commandLine(new GrantsmithCommand(ConfigDefaults.load(Map.of(), null), null, false))
                .getSubcommands().get("serve");
        serve.getCommandSpec().options().forEach(option -> settings.add(
                "GRANTSMITH_" + option.longestName().substring(2).toUpperCase().replace('-', '_')));

        Set<String> used = new TreeSet<>();
        for (String file : List.of("Dockerfile", "compose.yaml", "deploy/haproxy.cfg", "deploy/local-cluster.sh")) {
            Matcher matcher = VARIABLE.matcher(Files.readString(ROOT.resolve(file)));
            while (matcher.find()) {
                used.add(matcher.group());
            }
        }

        assertThat(used).contains("GRANTSMITH_LOG_FORMAT", "GRANTSMITH_PUBLIC_URL");
        assertThat(settings).containsAll(used);
    }

    private static List<Path> modulePoms() throws IOException {
        try (var entries = Files.list(ROOT)) {
            return entries.filter(dir -> dir.getFileName().toString().startsWith("grantsmith-"))
                    .map(dir -> dir.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
