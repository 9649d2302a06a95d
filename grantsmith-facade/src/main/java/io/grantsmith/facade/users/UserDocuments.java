package io.grantsmith.facade.users;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.registry.StoredUser;
import io.grantsmith.facade.json.WireJson;

/** How a built-in user is shown by the management API and the CLI: never with its password hash. */
public final class UserDocuments {
    private UserDocuments() {
    }

    /** {@code {"username", "subject", "claims": {...}, "createdAt": <ms>}}. */
    public static ObjectNode of(StoredUser user) {
        ObjectNode document = WireJson.mapper().createObjectNode();
        document.put("username", user.username());
        document.put("subject", user.subject());
        document.set("claims", claims(user));
        document.put("createdAt", user.createdAt().toEpochMilli());
        return document;
    }

    /** The user's claims as a JSON object. */
    public static JsonNode claims(StoredUser user) {
        try {
            return WireJson.mapper().readTree(user.claims());
        } catch (JsonProcessingException e) {
            return WireJson.mapper().createObjectNode(); // checked when stored; a hand-edited row reads as none
        }
    }
}
