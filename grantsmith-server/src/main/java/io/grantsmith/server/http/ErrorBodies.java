package io.grantsmith.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.json.WireJson;

/** Bodies of responses that say something went wrong: Authlete's API shape and RFC 6749's OAuth shape. */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** {@code {"resultCode":"A…","resultMessage":"[A…] /api/name, …"}} */
    public static byte[] api(ApiFailure failure, String apiName) {
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.put("resultCode", failure.code().code());
        body.put("resultMessage", failure.resultMessage(apiName));
        return ApiBodies.write(body);
    }

    /** {@code {"error":"…","error_description":"…"}} for failures outside the engine (routing, transport). */
    public static byte[] oauth(String error, String description) {
        ObjectNode body = WireJson.mapper().createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        return ApiBodies.write(body);
    }
}
