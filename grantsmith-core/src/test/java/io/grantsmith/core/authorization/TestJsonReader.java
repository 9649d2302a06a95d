package io.grantsmith.core.authorization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@link JsonReader} port over Jackson, for the core's tests (the facade has the production one). */
final class TestJsonReader implements JsonReader {
    private static final ObjectReader READER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .reader().with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public Object parse(String text) throws MalformedJsonException {
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("not JSON");
        }
        if (node == null || node.isMissingNode()) {
            throw new MalformedJsonException("no JSON value");
        }
        return value(node);
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                object.put(member.getKey(), value(member.getValue()));
            }
            return object;
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>();
            node.forEach(element -> array.add(value(element)));
            return array;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return null;
    }
}
