package io.grantsmith.facade.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.grantsmith.core.error.Quoted;
import java.util.stream.Collectors;

/**
 * The JSON conventions of Authlete's API, as its Java SDK (Gson) produces and reads them: members are named
 * after the DTO fields, enums after their constants, {@code null} members are written out, and unknown
 * members are ignored on input (newer SDKs send fields this server does not know yet).
 */
public final class WireJson {
    /** Nesting deeper than this is not a real API request; refuse it before it costs stack. */
    private static final int MAX_NESTING_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // 100.7 for a duration is a mistake to report, not to truncate (and Authlete's SDKs read it as a long)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH).build());
        // Authlete's documents spell "not set" as null or "" alike: "" for an enum or a list means unset, not an error.
        for (LogicalType type : new LogicalType[] {LogicalType.Enum, LogicalType.Array, LogicalType.Collection}) {
            MAPPER.coercionConfigFor(type).setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull);
        }
    }

    private WireJson() {
    }

    /**
     * Where in a document a binding error happened, e.g. {@code extension.accessTokenDuration}, for messages
     * that name the member without quoting the input.
     */
    public static String describePath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "(document)" : Quoted.of(path.replace(".[", "["));
    }

    /** The shared mapper. Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
