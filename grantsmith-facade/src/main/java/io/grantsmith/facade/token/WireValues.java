package io.grantsmith.facade.token;

import io.grantsmith.api.dto.Pair;
import io.grantsmith.api.dto.Property;
import io.grantsmith.core.model.Attribute;
import io.grantsmith.core.model.Scopes;
import io.grantsmith.core.model.TokenProperty;
import java.util.List;

/** Conversions from engine values to the arrays of Authlete's DTOs; empty collections become null, as there. */
public final class WireValues {
    private WireValues() {
    }

    public static String[] scopes(Scopes scopes) {
        return scopes == null || scopes.isEmpty() ? null : scopes.asList().toArray(String[]::new);
    }

    public static String[] strings(List<String> values) {
        return values == null || values.isEmpty() ? null : values.toArray(String[]::new);
    }

    public static Property[] properties(List<TokenProperty> properties) {
        if (properties == null || properties.isEmpty()) {
            return null;
        }
        return properties.stream()
                .map(property -> new Property().setKey(property.key()).setValue(property.value())
                        .setHidden(property.hidden()))
                .toArray(Property[]::new);
    }

    public static Pair[] attributes(List<Attribute> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        return attributes.stream()
                .map(attribute -> new Pair().setKey(attribute.key()).setValue(attribute.value()))
                .toArray(Pair[]::new);
    }
}
