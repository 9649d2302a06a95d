package io.grantsmith.facade.introspection;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.grantsmith.core.introspection.IntrospectedToken;
import io.grantsmith.core.introspection.TokenKind;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.model.TokenProperty;
import io.grantsmith.facade.json.WireJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The RFC 7662 §2.2 response body: {@code active}, then what is known of an active token — {@code scope},
 * {@code client_id} (a string: the alias when the token was issued to it), {@code sub}, {@code token_type} (access
 * tokens only: the service's type, e.g. {@code Bearer}), {@code exp}, {@code iat}, {@code aud} (the token's
 * resources), {@code iss} (the service's issuer), {@code auth_time} and {@code acr} of the grant. Visible token
 * properties become members too (hidden ones only when asked for), never replacing a standard member.
 */
final class IntrospectionBody {
    static final String INACTIVE = "{\"active\":false}";
    private static final Set<String> STANDARD = Set.of("active", "scope", "client_id", "username", "token_type",
            "exp", "iat", "nbf", "sub", "aud", "iss", "jti", "auth_time", "acr", "cnf");

    String active(Service service, IntrospectedToken token, boolean withHiddenProperties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        if (!token.scopes().isEmpty()) {
            body.put("scope", token.scopes().toWire());
        }
        Client client = token.client();
        body.put("client_id", token.aliasUsed() && client.alias() != null ? client.alias()
                : Long.toString(client.id()));
        if (token.subject() != null) {
            body.put("sub", token.subject());
        }
        if (token.kind() == TokenKind.ACCESS_TOKEN) {
            body.put("token_type", service.accessTokenType());
        }
        body.put("exp", token.expiresAt().getEpochSecond());
        body.put("iat", token.issuedAt().getEpochSecond());
        if (!token.resources().isEmpty()) {
            body.put("aud", token.resources());
        }
        String issuer = service.authorization().issuer();
        if (issuer != null) {
            body.put("iss", issuer);
        }
        GrantRecord grant = token.grant();
        if (grant != null && grant.authTime() != null) {
            body.put("auth_time", grant.authTime().getEpochSecond());
        }
        if (grant != null && grant.acr() != null) {
            body.put("acr", grant.acr());
        }
        for (TokenProperty property : token.properties()) {
            if ((withHiddenProperties || !property.hidden()) && !STANDARD.contains(property.key())) {
                body.putIfAbsent(property.key(), property.value());
            }
        }
        try {
            return WireJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain JSON values always write", e);
        }
    }
}
