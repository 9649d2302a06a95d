package io.grantsmith.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.types.CodeChallengeMethod;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.core.model.RequestedAuthorization;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.UserApproval;
import io.grantsmith.core.spi.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * The JSON documents of the authorization tables: a requested authorization and a user's approval. Written out
 * member by member, with enums by their wire values, so that renaming a record component or an enum constant
 * cannot silently change what is on disk; absent values are left out.
 */
final class AuthorizationRows {
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonColumns json;

    AuthorizationRows(JsonColumns json) {
        this.json = json;
    }

    String request(RequestedAuthorization request) {
        ObjectNode node = mapper.createObjectNode();
        node.put("clientId", request.clientId());
        node.put("clientIdAliasUsed", request.clientIdAliasUsed());
        node.put("redirectUri", request.redirectUri());
        node.put("redirectUriGiven", request.redirectUriGiven());
        node.put("responseType", request.responseType().wireValue());
        node.put("responseMode", request.responseMode().wireValue());
        node.put("scopes", request.scopes().toWire());
        putIfPresent(node, "state", request.state());
        putIfPresent(node, "nonce", request.nonce());
        if (request.codeChallenge() != null) {
            node.put("codeChallenge", request.codeChallenge());
            node.put("codeChallengeMethod", request.codeChallengeMethod().wireValue());
        }
        ArrayNode prompts = node.putArray("prompts");
        request.prompts().forEach(prompt -> prompts.add(prompt.wireValue()));
        request.maxAge().ifPresent(maxAge -> node.put("maxAge", maxAge));
        strings(node, "acrs", request.acrs());
        node.put("acrEssential", request.acrEssential());
        putIfPresent(node, "subject", request.subject());
        putIfPresent(node, "claims", request.claims());
        strings(node, "idTokenClaims", request.idTokenClaims());
        strings(node, "userInfoClaims", request.userInfoClaims());
        strings(node, "claimsLocales", request.claimsLocales());
        strings(node, "resources", request.resources());
        return write(node);
    }

    RequestedAuthorization request(String text) {
        JsonNode node = parse(text);
        RequestedAuthorization.Builder builder = RequestedAuthorization.builder()
                .clientId(node.path("clientId").asLong(), node.path("clientIdAliasUsed").asBoolean())
                .redirectUri(text(node, "redirectUri"), node.path("redirectUriGiven").asBoolean())
                .responseType(required(ResponseType.parse(text(node, "responseType")), "responseType"))
                .responseMode(required(ResponseMode.fromWireValue(text(node, "responseMode")), "responseMode"))
                .scopes(Scopes.parse(text(node, "scopes")))
                .state(text(node, "state"))
                .nonce(text(node, "nonce"))
                .maxAge(node.has("maxAge") ? OptionalInt.of(node.get("maxAge").asInt()) : OptionalInt.empty())
                .acrs(strings(node, "acrs"), node.path("acrEssential").asBoolean())
                .subject(text(node, "subject"))
                .claims(text(node, "claims"))
                .idTokenClaims(strings(node, "idTokenClaims"))
                .userInfoClaims(strings(node, "userInfoClaims"))
                .claimsLocales(strings(node, "claimsLocales"))
                .resources(strings(node, "resources"));
        String challenge = text(node, "codeChallenge");
        if (challenge != null) {
            builder.codeChallenge(challenge, required(CodeChallengeMethod.fromWireValue(
                    text(node, "codeChallengeMethod")), "codeChallengeMethod"));
        }
        List<Prompt> prompts = new ArrayList<>();
        for (String prompt : strings(node, "prompts")) {
            prompts.add(required(Prompt.fromWireValue(prompt), "prompts"));
        }
        return builder.prompts(prompts).build();
    }

    String approval(UserApproval approval) {
        ObjectNode node = mapper.createObjectNode();
        node.put("subject", approval.subject());
        putIfPresent(node, "sub", approval.sub());
        if (approval.authTime() != null) {
            node.put("authTime", approval.authTime());
        }
        putIfPresent(node, "acr", approval.acr());
        putIfPresent(node, "claims", approval.claims());
        putIfPresent(node, "properties", json.properties(approval.properties()));
        putIfPresent(node, "idtHeaderParams", approval.idtHeaderParams());
        if (approval.consentedClaims() != null) { // an empty list says "none", unlike an absent one
            ArrayNode consented = node.putArray("consentedClaims");
            approval.consentedClaims().forEach(consented::add);
        }
        if (approval.idTokenAudType() != null) {
            node.put("idTokenAudType", approval.idTokenAudType().wireValue());
        }
        return write(node);
    }

    UserApproval approval(String text) {
        JsonNode node = parse(text);
        return new UserApproval(required(text(node, "subject"), "subject"), text(node, "sub"),
                node.has("authTime") ? node.get("authTime").asLong() : null, text(node, "acr"), text(node, "claims"),
                json.properties(text(node, "properties")), text(node, "idtHeaderParams"),
                node.has("consentedClaims") ? strings(node, "consentedClaims") : null,
                IdTokenAudType.fromWireValue(text(node, "idTokenAudType")));
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static void strings(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    private static List<String> strings(JsonNode node, String name) {
        List<String> values = new ArrayList<>();
        node.path(name).forEach(element -> values.add(element.asText()));
        return values;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static <T> T required(T value, String name) {
        if (value == null) {
            throw new StoreException("a stored authorization lacks a valid '" + name + "'");
        }
        return value;
    }

    private String write(ObjectNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new StoreException("encoding an authorization document failed", e);
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = mapper.readTree(text);
            if (!node.isObject()) {
                throw new StoreException("a stored authorization document is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new StoreException("a stored authorization document is not valid JSON", e);
        }
    }
}
