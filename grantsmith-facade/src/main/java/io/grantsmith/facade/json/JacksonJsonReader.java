package io.grantsmith.facade.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's {@link JsonReader} port over Jackson, with the wire mapper's limits (nesting depth 64, no
 * trailing content) plus a cap on the text's length and a refusal of duplicate member names, whose meaning JSON
 * leaves open (RFC 8259 §4) and which parsers resolve differently.
 */
public final class JacksonJsonReader implements JsonReader {
    /** Longer JSON is not a request parameter anyone writes by hand or by library; refuse it unparsed. */
    public static final int MAX_LENGTH = 65_536;

    private static final ObjectReader READER = WireJson.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Override
    public Object parse(String text) throws MalformedJsonException {
        if (text.length() > MAX_LENGTH) {
            throw new MalformedJsonException("longer than " + MAX_LENGTH + " characters");
        }
        JsonNode node;
        try {
            node = READER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("not a JSON value");
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
            return Collections.unmodifiableMap(object);
        }
        if (node.isArray()) {
            List<Object> array = new ArrayList<>(node.size());
            node.forEach(element -> array.add(value(element)));
            return Collections.unmodifiableList(array);
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
