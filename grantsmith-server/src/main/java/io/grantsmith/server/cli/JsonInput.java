package io.grantsmith.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.facade.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a JSON document given with {@code --json FILE} ({@code -} for standard input). */
final class JsonInput {
    private JsonInput() {
    }

    static JsonNode read(String file, InputStream stdin) throws IOException {
        return "-".equals(file) ? WireJson.mapper().readTree(stdin) : WireJson.mapper().readTree(Files.readAllBytes(Path.of(file)));
    }
}
