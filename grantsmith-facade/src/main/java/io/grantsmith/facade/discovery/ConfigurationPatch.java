package io.grantsmith.facade.discovery;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.fge.jsonpatch.JsonPatch;
import com.github.fge.jsonpatch.JsonPatchException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Applies the {@code patch} of Authlete's {@code /service/configuration}: an RFC 6902 JSON Patch, through
 * java-json-tools' json-patch.
 * A patch that is not valid JSON, not an array of operations, or whose operation fails (a {@code test} that does not
 * hold, a path that does not exist) is refused as a whole, with a message saying which operation failed and why.
 *
 * <p>The patch comes from the service's own API credentials, but it is still bounded: at most
 * {@value #MAX_OPERATIONS} operations, and a document of at most {@value #MAX_NODES} JSON values after each of them,
 * because {@code copy} can double the document with every operation.</p>
 */
final class ConfigurationPatch {
    static final int MAX_OPERATIONS = 100;
    static final int MAX_NODES = 10_000;

    private ConfigurationPatch() {
    }

    /**
     * @return the patched document (a new tree; {@code document} is left as it is)
     * @throws ApiFailure 400 {@link ApiResultCode#PATCH_INVALID} when the patch cannot be applied
     */
    static ObjectNode apply(ObjectNode document, String patch) {
        ArrayNode operations = operations(patch);
        JsonNode patched = document;
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String failed = "operation " + (i + 1) + " (" + describe(operation) + ") failed: ";
            JsonPatch step;
            try {
                step = JsonPatch.fromJson(single(operation));
            } catch (IOException | RuntimeException e) {
                throw refused(failed + "it is not an add, remove, replace, move, copy or test operation with the "
                        + "members that operation needs");
            }
            try {
                patched = step.apply(patched);
            } catch (JsonPatchException e) {
                throw refused(failed + Quoted.of(e.getMessage()));
            }
            if (exceeds(patched, MAX_NODES)) {
                throw refused("the patched document would hold more than " + MAX_NODES + " JSON values");
            }
        }
        if (!patched.isObject()) {
            throw refused("the patched document must remain a JSON object");
        }
        return (ObjectNode) patched;
    }

    private static ArrayNode operations(String patch) {
        JsonNode parsed;
        try (JsonParser parser = WireJson.mapper().createParser(patch)) {
            // RFC 6902 §4 (example A.13): an operation with a repeated member is not a valid patch
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            parsed = WireJson.mapper().readTree(parser); // the mapper refuses trailing data too
        } catch (IOException e) {
            throw refused("it is not valid JSON");
        }
        if (parsed == null || !parsed.isArray()) {
            throw refused("a JSON Patch is a JSON array of operations");
        }
        if (parsed.size() > MAX_OPERATIONS) {
            throw refused("it has more than " + MAX_OPERATIONS + " operations");
        }
        for (JsonNode operation : parsed) {
            if (!operation.isObject()) {
                throw refused("every operation must be a JSON object");
            }
        }
        return (ArrayNode) parsed;
    }

    private static ArrayNode single(JsonNode operation) {
        return WireJson.mapper().createArrayNode().add(operation);
    }

    /** {@code op} and {@code path} of an operation, safe to quote. */
    private static String describe(JsonNode operation) {
        return Quoted.of(operation.path("op").asText("?")) + " " + Quoted.of(operation.path("path").asText("?"));
    }

    /** Whether the tree holds more than {@code limit} values; stops counting at the limit. */
    private static boolean exceeds(JsonNode root, int limit) {
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        int count = 0;
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (++count > limit) {
                return true;
            }
            node.forEach(pending::push);
        }
        return false;
    }

    private static ApiFailure refused(String reason) {
        return new ApiFailure(ApiResultCode.PATCH_INVALID, reason);
    }
}
