package io.grantsmith.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.spi.StoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * List-valued columns as JSON text. Empty lists are stored as NULL (most tokens have no properties, and NULL
 * costs no bytes). The property format is written out field by field rather than derived from the record, so
 * renaming a component of {@link TokenProperty} cannot silently change what is on disk.
 */
final class JsonColumns {
    private final ObjectMapper mapper = new ObjectMapper();

    String strings(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        ArrayNode array = mapper.createArrayNode();
        values.forEach(array::add);
        return write(array);
    }

    List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : parseArray(json)) {
            values.add(element.asText());
        }
        return List.copyOf(values);
    }

    String properties(List<TokenProperty> properties) {
        if (properties.isEmpty()) {
            return null;
        }
        ArrayNode array = mapper.createArrayNode();
        for (TokenProperty property : properties) {
            array.addObject().put("key", property.key()).put("value", property.value())
                    .put("hidden", property.hidden());
        }
        return write(array);
    }

    List<TokenProperty> properties(String json) {
        if (json == null) {
            return List.of();
        }
        List<TokenProperty> properties = new ArrayList<>();
        for (JsonNode element : parseArray(json)) {
            JsonNode key = element.get("key");
            JsonNode value = element.get("value");
            if (key == null || value == null) {
                throw new StoreException("a stored token property lacks its key or value");
            }
            properties.add(new TokenProperty(key.asText(), value.asText(), element.path("hidden").asBoolean()));
        }
        return List.copyOf(properties);
    }

    private String write(ArrayNode array) {
        try {
            return mapper.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new StoreException("encoding a list column failed", e);
        }
    }

    private JsonNode parseArray(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            if (!node.isArray()) {
                throw new StoreException("a stored list column is not a JSON array");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored list column is not valid JSON", e);
        }
    }
}
