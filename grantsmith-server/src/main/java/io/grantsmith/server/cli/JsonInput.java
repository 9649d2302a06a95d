package io.grantsmith.server.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.json.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON object given with {@code --json FILE} ({@code -} for standard input). */
final class JsonInput {
    private JsonInput() {
    }

    /** @throws IllegalArgumentException with a message for the operator when FILE is missing or not a JSON object */
    static ObjectNode read(String file, InputStream stdin) throws IOException {
        String source = "-".equals(file) ? "the JSON on standard input" : "the JSON file '" + file + "'";
        JsonNode json;
        try {
            json = "-".equals(file) ? WireJson.mapper().readTree(stdin)
                    : WireJson.mapper().readTree(Files.readAllBytes(Path.of(file)));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(source + " does not exist");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(source + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
        if (!json.isObject()) {
            throw new IllegalArgumentException(source + " must be a JSON object");
        }
        return (ObjectNode) json;
    }
}
