package io.grantsmith.facade.manage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import java.io.IOException;

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
     * Binds a STORED document to a DTO, leniently: a member that does not fit its type is read as unset. Documents
     * written by an earlier release were stored before some members were typed (release 0.1 kept every member it
     * did not act on as given), and one such member must not make the service or client unreadable.
     */
    static <T> T bindStored(JsonNode document, Class<T> type) {
        try {
            return STORED.forType(type).readValue(document);
        } catch (IOException e) {
            throw new IllegalStateException("a stored document cannot be read as " + type.getSimpleName(), e);
        }
    }

    private static final ObjectReader STORED = WireJson.mapper().reader()
            .with(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
            .withHandler(new UnsetOnMismatch());

    /** Reads a value that does not fit its member as null (unset; primitives keep their default). */
    private static final class UnsetOnMismatch extends DeserializationProblemHandler {
        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType targetType, JsonToken token,
                JsonParser parser, String failureMessage) throws IOException {
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> instanceClass,
                ValueInstantiator instantiator, JsonParser parser, String failureMessage) throws IOException {
            parser.skipChildren();
            return null;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> targetType, String value,
                String failureMessage) {
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> targetType, Number value,
                String failureMessage) {
            return null;
        }

        @Override
        public Object handleWeirdNativeValue(DeserializationContext context, JavaType targetType, Object value,
                JsonParser parser) {
            return null;
        }
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
