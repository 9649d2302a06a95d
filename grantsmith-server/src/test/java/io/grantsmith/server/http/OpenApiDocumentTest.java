package io.grantsmith.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.grantsmith.facade.Grantsmith;
import io.grantsmith.server.metrics.ServerMetrics;
import io.grantsmith.store.memory.MemoryStores;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jetty.http.HttpTester;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document ({@code GET /openapi.json}) and the routing table agree: every route the server registers is
 * in the document with its method, and the document lists no route that does not exist (the benchmark's
 * {@code POST /bench/noop}, served only with {@code --bench-noop-route}, is left out on purpose). The document is valid
 * OpenAPI 3.1, and the token API's schemas name only members that Authlete's own DTOs have.
 */
class OpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    /** Members of Authlete's DTOs newer than the authlete-java-common (4.33) the tests can resolve; 4.46 has them. */
    private static final Set<String> NEWER_THAN_SDK = Set.of("TokenResponse.attestationChallenge");

    private static JsonNode document;

    @BeforeAll
    static void load() throws Exception {
        document = JSON.readTree(OpenApiEndpoint.load());
    }

    /** Production's routing table (serve without --bench-noop-route) and the document agree both ways. */
    @Test
    void everyRegisteredRouteIsDocumentedAndEveryDocumentedRouteIsRegistered() {
        Set<String> registered = registeredRoutes(false);
        Set<String> documented = documentedOperations();

        assertThat(registered).as("routes the server registers").hasSizeGreaterThan(60);
        assertThat(difference(registered, documented)).as("registered routes missing from openapi.json").isEmpty();
        assertThat(difference(documented, registered)).as("routes in openapi.json that the server does not have")
                .isEmpty();
    }

    /** The benchmark's baseline route is the only one {@code --bench-noop-route} adds, and it is not documented. */
    @Test
    void theBenchmarkRouteIsTheOnlyUndocumentedOneAndOnlyWithTheBenchmarkOption() {
        Set<String> withNoop = registeredRoutes(true);
        Set<String> documented = documentedOperations();

        assertThat(difference(withNoop, registeredRoutes(false))).containsExactly("POST /bench/noop");
        assertThat(difference(withNoop, documented)).containsExactly("POST /bench/noop");
        assertThat(difference(documented, withNoop)).isEmpty();
    }

    /** Relative, so that the document is right behind whatever URL serves it (HAProxy, a public URL, TLS). */
    @Test
    void theServerUrlIsRelative() {
        assertThat(document.get("servers")).singleElement()
                .satisfies(server -> assertThat(server.get("url").asText()).isEqualTo("/"));
    }

    private static Set<String> registeredRoutes(boolean noopRoute) {
        try (Grantsmith grantsmith = Grantsmith.builder().stores(new MemoryStores())
                .adminToken("openapi-admin-token-0123456789abcdefghijkl").build()) {
            Router router = HttpServer.routes(grantsmith, new ServerMetrics(grantsmith.storeStatistics()), null,
                    new SenderGate(8), Duration.ZERO, noopRoute);
            return router.routes().stream().map(route -> route.method() + " " + route.pattern())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void theDocumentIsValidOpenApi31() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser()
                .readContents(new String(OpenApiEndpoint.load(), StandardCharsets.UTF_8), null, options);

        assertThat(result.getMessages()).as("what the OpenAPI parser finds wrong").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
        assertThat(result.getOpenAPI().getPaths()).hasSize(document.get("paths").size());
    }

    @Test
    void operationIdsAreUniqueAndEveryPathTemplateVariableIsDeclared() {
        List<String> problems = new ArrayList<>();
        Set<String> operationIds = new HashSet<>();
        document.get("paths").fields().forEachRemaining(path -> {
            Set<String> variables = new TreeSet<>();
            Matcher matcher = TEMPLATE.matcher(path.getKey());
            while (matcher.find()) {
                variables.add(matcher.group(1));
            }
            path.getValue().fields().forEachRemaining(operation -> {
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                String id = operation.getValue().path("operationId").asText("");
                if (id.isEmpty() || !operationIds.add(id)) {
                    problems.add(name + ": operationId missing or repeated: '" + id + "'");
                }
                Set<String> declared = new TreeSet<>();
                operation.getValue().path("parameters").forEach(parameter -> {
                    JsonNode resolved = resolve(parameter);
                    if ("path".equals(resolved.path("in").asText())) {
                        declared.add(resolved.path("name").asText());
                    }
                });
                if (!declared.equals(variables)) {
                    problems.add(name + ": path parameters " + declared + ", template variables " + variables);
                }
                if (!operation.getValue().has("responses")) {
                    problems.add(name + ": no responses");
                }
            });
        });

        assertThat(problems).isEmpty();
    }

    /** Each token API schema names members of the Authlete DTO it stands for, so a misspelt member fails here. */
    @Test
    void theTokenApiSchemasNameOnlyMembersOfAuthletesDtos() throws Exception {
        Map<String, Class<?>> dtos = Map.of(
                "TokenRequest", com.authlete.common.dto.TokenRequest.class,
                "TokenResponse", com.authlete.common.dto.TokenResponse.class,
                "TokenIssueRequest", com.authlete.common.dto.TokenIssueRequest.class,
                "TokenIssueResponse", com.authlete.common.dto.TokenIssueResponse.class,
                "TokenFailRequest", com.authlete.common.dto.TokenFailRequest.class,
                "TokenFailResponse", com.authlete.common.dto.TokenFailResponse.class,
                "IdTokenReissueRequest", com.authlete.common.dto.IDTokenReissueRequest.class,
                "IdTokenReissueResponse", com.authlete.common.dto.IDTokenReissueResponse.class,
                "IntrospectionRequest", com.authlete.common.dto.IntrospectionRequest.class,
                "IntrospectionResponse", com.authlete.common.dto.IntrospectionResponse.class);
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, Class<?>> entry : dtos.entrySet()) {
            Set<String> members = beanProperties(entry.getValue());
            Set<String> documented = schemaProperties(document.at("/components/schemas/" + entry.getKey()));
            assertThat(documented).as(entry.getKey() + " documents members").isNotEmpty();
            documented.stream().filter(member -> !members.contains(member))
                    .map(member -> entry.getKey() + "." + member).filter(name -> !NEWER_THAN_SDK.contains(name))
                    .forEach(unknown::add);
        }

        assertThat(unknown).as("schema members that Authlete's DTO does not have").isEmpty();
        assertThat(document.at("/components/schemas/TokenRequest/required").toString()).contains("parameters");
        assertThat(schemaProperties(document.at("/components/schemas/TokenResponse")))
                .contains("action", "responseContent", "accessToken", "refreshToken", "ticket", "resultCode");
    }

    @Test
    void theServerServesTheDocument() throws Exception {
        try (InMemoryEdge edge = new InMemoryEdge()) {
            HttpTester.Response response = edge.send("GET /openapi.json HTTP/1.1\r\n", new byte[0]);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.get("Content-Type")).startsWith("application/json");
            assertThat(response.getContentBytes()).isEqualTo(OpenApiEndpoint.load());
        }
    }

    /** What the server really answers at the token API is documented, member by member. */
    @Test
    void theTokenApiAnswersCarryOnlyDocumentedMembers() throws Exception {
        try (InMemoryEdge edge = new InMemoryEdge()) {
            JsonNode clientCredentials = post(edge, "/auth/token", "{\"parameters\":\"grant_type=client_credentials\","
                    + "\"clientId\":\"{client_id}\",\"clientSecret\":\"{client_secret}\"}");
            JsonNode password = post(edge, "/auth/token", "{\"parameters\":\"grant_type=password&username="
                    + InMemoryEdge.USERNAME + "&password=x\",\"clientId\":\"{client_id}\","
                    + "\"clientSecret\":\"{client_secret}\"}");
            JsonNode issued = post(edge, "/auth/token/issue", "{\"ticket\":\"" + password.get("ticket").asText()
                    + "\",\"subject\":\"" + InMemoryEdge.USERNAME + "\"}");
            JsonNode failed = post(edge, "/auth/token/fail", "{\"ticket\":\"{ticket}\","
                    + "\"reason\":\"INVALID_RESOURCE_OWNER_CREDENTIALS\"}");

            assertThat(clientCredentials.get("action").asText()).isEqualTo("OK");
            assertThat(password.get("action").asText()).isEqualTo("PASSWORD");
            assertThat(issued.get("action").asText()).isEqualTo("OK");
            assertThat(failed.get("action").asText()).isEqualTo("BAD_REQUEST");
            assertDocumented("TokenResponse", clientCredentials);
            assertDocumented("TokenResponse", password);
            assertDocumented("TokenIssueResponse", issued);
            assertDocumented("TokenFailResponse", failed);
        }
    }

    private static JsonNode post(InMemoryEdge edge, String api, String body) throws Exception {
        HttpTester.Response response = edge.send(edge.substitute("POST /api/{service}" + api + " HTTP/1.1\r\n"
                + "Authorization: Bearer {api_secret}\r\nContent-Type: application/json\r\n"),
                edge.substitute(body).getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatus()).as(api).isEqualTo(200);
        return JSON.readTree(response.getContent());
    }

    private static void assertDocumented(String schema, JsonNode answer) {
        Set<String> members = new TreeSet<>();
        answer.fieldNames().forEachRemaining(members::add);
        assertThat(schemaProperties(document.at("/components/schemas/" + schema))).as(schema)
                .containsAll(members);
    }

    private static Set<String> documentedOperations() {
        Set<String> operations = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> operations.add((HTTP_METHODS.contains(method) ? method.toUpperCase() : "?" + method) + " "
                        + path.getKey())));
        return operations;
    }

    /** Follows a local {@code $ref} ({@code #/components/...}). */
    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    /** The property names of a schema, its {@code allOf} parts included. */
    private static Set<String> schemaProperties(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        JsonNode resolved = resolve(schema);
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        resolved.path("allOf").forEach(part -> names.addAll(schemaProperties(part)));
        return names;
    }

    private static Set<String> beanProperties(Class<?> type) {
        JavaType javaType = JSON.constructType(type);
        return JSON.getSerializationConfig().introspect(javaType).findProperties().stream()
                .map(BeanPropertyDefinition::getName).collect(Collectors.toSet());
    }

    private static Set<String> difference(Set<String> left, Set<String> right) {
        Set<String> rest = new TreeSet<>(left);
        rest.removeAll(right);
        return rest;
    }
}
