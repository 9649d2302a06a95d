package io.grantsmith.facade.manage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;

/** Reading and writing the JSON documents that the management API stores for services and clients. */
final class Documents {
    private Documents() {
    }

    /** The request body as an object, or a 400 failure. */
    static ObjectNode object(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            throw new ApiFailure(ApiResultCode.BODY_MISSING);
        }
        if (!body.isObject()) {
            throw new ApiFailure(ApiResultCode.BODY_MALFORMED, "a JSON object is expected");
        }
        return ((ObjectNode) body).deepCopy();
    }

    /** Binds a document to a DTO; a member of the wrong type becomes a 400 naming the member. */
    static <T> T bind(JsonNode document, Class<T> type) {
        try {
            return WireJson.mapper().treeToValue(document, type);
        } catch (JsonMappingException e) {
            throw invalid("The value of '" + WireJson.describePath(e) + "' is not valid.");
        } catch (JsonProcessingException e) {
            throw new ApiFailure(ApiResultCode.BODY_MALFORMED, "the document cannot be read");
        }
    }

    /**
     * Binds a stored document to a DTO, reading a member of the wrong type as absent (its default) instead of
     * failing: a document stored before the DTO had that member was never checked against its type, and refusing
     * to read it would make its service or client unusable. Documents being stored are checked with {@link #bind}.
     */
    static <T> T bindStored(ObjectNode document, Class<T> type) {
        ObjectNode readable = document;
        for (int attempt = 0; attempt <= document.size(); attempt++) {
            try {
                return WireJson.mapper().treeToValue(readable, type);
            } catch (JsonMappingException e) {
                String member = e.getPath().isEmpty() ? null : e.getPath().get(0).getFieldName();
                if (member == null || !readable.has(member)) {
                    throw new IllegalStateException("a stored document cannot be read", e);
                }
                if (readable == document) {
                    readable = document.deepCopy();
                }
                readable.remove(member);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored document cannot be read", e);
            }
        }
        throw new IllegalStateException("a stored document cannot be read");
    }

    static ObjectNode parse(String document) {
        try {
            return (ObjectNode) WireJson.mapper().readTree(document);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("a stored document is not a JSON object", e);
        }
    }

    static String write(JsonNode document) {
        try {
            return WireJson.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    static ApiFailure invalid(String message) {
        return new ApiFailure(ApiResultCode.INVALID_VALUE, message);
    }
}
