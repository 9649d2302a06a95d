package io.grantsmith.core.grant;

import io.grantsmith.api.dto.Property;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.model.TokenProperty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The caller's extra token properties: entries without a key or value and entries with a reserved key are
 * dropped (as Authlete drops them), later entries replace earlier ones with the same key, and the total size
 * is capped.
 */
public final class TokenProperties {
    /** Authlete caps the stored (encrypted) form at 65,535 bytes; this caps the plain form below that. */
    static final int MAX_TOTAL_BYTES = 48 * 1024;

    private TokenProperties() {
    }

    public static List<TokenProperty> accept(Property[] properties, ResultCode tooBig) {
        if (properties == null || properties.length == 0) {
            return List.of();
        }
        Map<String, TokenProperty> byKey = new LinkedHashMap<>();
        for (Property property : properties) {
            if (property == null || property.getKey() == null || property.getKey().isEmpty()
                    || property.getValue() == null || TokenProperty.RESERVED_KEYS.contains(property.getKey())) {
                continue;
            }
            byKey.remove(property.getKey());
            byKey.put(property.getKey(), new TokenProperty(property.getKey(), property.getValue(), property.isHidden()));
        }
        List<TokenProperty> accepted = new ArrayList<>(byKey.values());
        checkSize(accepted, tooBig);
        return accepted;
    }

    /** {@code existing} with {@code incoming} merged over it: on a key clash the incoming property wins. */
    static List<TokenProperty> merge(List<TokenProperty> existing, List<TokenProperty> incoming, ResultCode tooBig) {
        if (incoming.isEmpty()) {
            return existing;
        }
        Map<String, TokenProperty> byKey = new LinkedHashMap<>();
        existing.forEach(property -> byKey.put(property.key(), property));
        incoming.forEach(property -> byKey.put(property.key(), property));
        List<TokenProperty> merged = new ArrayList<>(byKey.values());
        checkSize(merged, tooBig);
        return merged;
    }

    private static void checkSize(List<TokenProperty> properties, ResultCode tooBig) {
        long total = 0;
        for (TokenProperty property : properties) {
            total += property.key().getBytes(StandardCharsets.UTF_8).length
                    + property.value().getBytes(StandardCharsets.UTF_8).length + 16;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw OAuthException.serverError(tooBig);
        }
    }
}
