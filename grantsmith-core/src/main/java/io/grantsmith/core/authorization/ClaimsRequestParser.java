package io.grantsmith.core.authorization;

import io.grantsmith.core.error.OAuthErrorCode;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.spi.JsonReader;
import io.grantsmith.core.spi.MalformedJsonException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code claims} parameter (OpenID Connect Core §5.5): a JSON object whose optional {@code id_token}
 * and {@code userinfo} members are objects mapping claim names to {@code null} or to an object with
 * {@code essential} (boolean), {@code value} (any) and {@code values} (array). Other members, at either level,
 * are ignored, as §5.5.1 allows extensions.
 */
public final class ClaimsRequestParser {
    private final JsonReader json;

    public ClaimsRequestParser(JsonReader json) {
        this.json = json;
    }

    /** @param text the parameter's value, or null when the request has none */
    public ClaimsRequest parse(String text) {
        if (text == null) {
            return ClaimsRequest.NONE;
        }
        Object value;
        try {
            value = json.parse(text);
        } catch (MalformedJsonException e) {
            throw refusal(ResultCode.CLAIMS_NOT_JSON_OBJECT);
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw refusal(ResultCode.CLAIMS_NOT_JSON_OBJECT);
        }
        return new ClaimsRequest(true, members(object, "id_token", ResultCode.CLAIMS_ID_TOKEN_NOT_OBJECT),
                members(object, "userinfo", ResultCode.CLAIMS_USERINFO_NOT_OBJECT));
    }

    private static Map<String, ClaimRequest> members(Map<?, ?> claims, String target, ResultCode notObject) {
        if (!claims.containsKey(target)) {
            return Map.of();
        }
        if (!(claims.get(target) instanceof Map<?, ?> members)) {
            throw refusal(notObject);
        }
        Map<String, ClaimRequest> requests = new LinkedHashMap<>();
        for (Map.Entry<?, ?> member : members.entrySet()) {
            String name = (String) member.getKey();
            if (name.isEmpty()) {
                throw malformed(name, target, "the claim name is empty");
            }
            requests.put(name, request(name, target, member.getValue()));
        }
        return requests;
    }

    private static ClaimRequest request(String name, String target, Object value) {
        if (value == null) {
            return ClaimRequest.VOLUNTARY;
        }
        if (!(value instanceof Map<?, ?> request)) {
            throw malformed(name, target, "it is neither null nor a JSON object");
        }
        Object essential = request.get("essential");
        if (essential != null && !(essential instanceof Boolean)) {
            throw malformed(name, target, "'essential' is not a boolean");
        }
        Object values = request.get("values");
        if (values != null && !(values instanceof List<?>)) {
            throw malformed(name, target, "'values' is not an array");
        }
        return new ClaimRequest(Boolean.TRUE.equals(essential), request.get("value"),
                values == null ? List.of() : JsonValues.immutableList((List<?>) values));
    }

    static OAuthException malformed(String name, String target, String problem) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, ResultCode.CLAIMS_MEMBER_MALFORMED,
                Quoted.of(name), target, problem);
    }

    private static OAuthException refusal(ResultCode code) {
        return OAuthException.badRequest(OAuthErrorCode.INVALID_REQUEST, code);
    }
}
