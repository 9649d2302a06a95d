package io.grantsmith.facade.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;

/**
 * Built-in users over the management API, in JSON: {@code {"username", "password", "subject", "claims",
 * "replace"}} in ({@code claims} may also be the JSON text of the object, as a form body carries it),
 * {@link UserDocuments} out (never a password or its hash).
 */
public final class UserManagement {
    private final UserDirectory directory;

    public UserManagement(UserDirectory directory) {
        this.directory = directory;
    }

    /** Adds a user (or replaces it with {@code "replace": true}) and returns it. */
    public ObjectNode create(long serviceId, JsonNode body) {
        String username = text(body, "username");
        boolean replace = body.path("replace").asBoolean(false);
        if (!directory.add(serviceId, username, text(body, "password"), optionalText(body, "subject"), claims(body),
                replace)) {
            throw new ApiFailure(ApiResultCode.USER_EXISTS, Quoted.of(username));
        }
        return get(serviceId, username);
    }

    public ObjectNode get(long serviceId, String username) {
        return directory.find(serviceId, username).map(UserDocuments::of)
                .orElseThrow(() -> notFound(username));
    }

    /** Replaces the claims of the user named by {@code username} in the body with its {@code claims}. */
    public ObjectNode updateClaims(long serviceId, JsonNode body) {
        String username = text(body, "username");
        if (!body.has("claims")) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "The request does not contain 'claims'.");
        }
        if (!directory.setClaims(serviceId, username, claims(body))) {
            throw notFound(username);
        }
        return get(serviceId, username);
    }

    public void delete(long serviceId, String username) {
        if (username == null || !directory.remove(serviceId, username)) {
            throw notFound(username);
        }
    }

    /** The {@code claims} member: a JSON object, or its text (a form body can only carry text); null when absent. */
    private static JsonNode claims(JsonNode body) {
        JsonNode claims = body.get("claims");
        if (claims == null || claims.isNull()) {
            return null;
        }
        if (!claims.isTextual()) {
            return claims;
        }
        try {
            return WireJson.mapper().readTree(claims.textValue());
        } catch (JsonProcessingException e) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "The value of 'claims' is not valid JSON.");
        }
    }

    private static ApiFailure notFound(String username) {
        return new ApiFailure(ApiResultCode.USER_NOT_FOUND, Quoted.of(username == null ? "" : username));
    }

    private static String text(JsonNode body, String name) {
        String value = optionalText(body, name);
        if (value == null) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "The request does not contain '" + name + "'.");
        }
        return value;
    }

    private static String optionalText(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new ApiFailure(ApiResultCode.INVALID_VALUE, "The value of '" + name + "' must be a string.");
        }
        return node.textValue();
    }
}
