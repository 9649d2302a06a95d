package io.grantsmith.server.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 document of every route this server answers (but the benchmark-only
 * {@code POST /bench/noop}), a static resource kept in
 * step with the routing table by {@code OpenApiDocumentTest}. Public like discovery: it describes the API and holds no
 * secret.
 */
final class OpenApiEndpoint {
    static final String PATH = "/openapi.json";
    /** Next to this class: {@code io/grantsmith/server/http/openapi.json}. */
    static final String RESOURCE = "openapi.json";
    private static final int MAX_AGE_SECONDS = 3600;

    private final byte[] document = load();

    void register(Router router) {
        router.add(new Route("GET", PATH, PATH,
                exchange -> exchange.sendPublic(200, "application/json", document, MAX_AGE_SECONDS)));
    }

    static byte[] load() {
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
