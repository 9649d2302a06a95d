package io.grantsmith.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.request.FormParameters;
import io.grantsmith.core.request.MalformedParametersException;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Request and response bodies of the Authlete-compatible API. Requests come as JSON or as form-encoded fields
 * named like the JSON members; both are bound to the same DTO, so a form body is checked exactly like JSON.
 */
public final class ApiBodies {
    /** The largest API request body accepted: token properties may reach 64 KiB, documents more. */
    public static final int MAX_BODY_BYTES = 1024 * 1024;

    private ApiBodies() {
    }

    /**
     * The body as a JSON tree. {@code arrayFields} names the form fields that may repeat and become arrays;
     * every other form field must appear at most once.
     */
    public static JsonNode read(Exchange exchange, Set<String> arrayFields) throws IOException {
        String type = MediaTypes.essence(exchange.header(HttpHeader.CONTENT_TYPE));
        byte[] body = exchange.body(MAX_BODY_BYTES);
        if (MediaTypes.JSON.equals(type)) {
            if (body.length == 0) {
                throw new ApiFailure(ApiResultCode.BODY_MISSING);
            }
            try {
                return WireJson.mapper().readTree(body);
            } catch (IOException e) {
                // not only JsonProcessingException: bytes that look like UTF-32 (leading NULs) make the parser
                // decode UTF-32, which fails with a CharConversionException
                throw new ApiFailure(ApiResultCode.BODY_MALFORMED, "it is not valid JSON");
            }
        }
        if (MediaTypes.FORM.equals(type)) {
            return formToJson(new String(body, StandardCharsets.UTF_8), arrayFields);
        }
        throw new ApiFailure(ApiResultCode.UNSUPPORTED_CONTENT_TYPE);
    }

    /** The body bound to {@code type}; members of the wrong type become a 400 naming the member. */
    public static <T> T read(Exchange exchange, Class<T> type, Set<String> arrayFields) throws IOException {
        JsonNode tree = read(exchange, arrayFields);
        if (!tree.isObject()) {
            throw new ApiFailure(ApiResultCode.BODY_MALFORMED, "a JSON object is expected");
        }
        try {
            return WireJson.mapper().treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ApiFailure(ApiResultCode.BODY_MALFORMED, "the value of '" + WireJson.describePath(e) + "' is not valid");
        }
    }

    public static byte[] write(Object value) {
        try {
            return WireJson.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("API DTOs always serialise", e);
        }
    }

    private static ObjectNode formToJson(String body, Set<String> arrayFields) {
        FormParameters form;
        try {
            form = FormParameters.parse(body);
        } catch (MalformedParametersException e) {
            throw new ApiFailure(ApiResultCode.BODY_MALFORMED, e.getMessage());
        }
        ObjectNode object = WireJson.mapper().createObjectNode();
        for (String name : form.names()) {
            if (name.equals("properties")) {
                continue; // honoured in JSON bodies only, as in Authlete
            }
            if (arrayFields.contains(name)) {
                ArrayNode array = object.putArray(name);
                form.all(name).forEach(array::add);
            } else if (form.count(name) > 1) {
                throw new ApiFailure(ApiResultCode.BODY_MALFORMED, "the field '" + Quoted.of(name) + "' is repeated");
            } else {
                object.put(name, form.first(name));
            }
        }
        return object;
    }
}
