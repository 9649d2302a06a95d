package io.grantsmith.core.authorization;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies of JSON values as {@link io.grantsmith.core.spi.JsonReader} returns them. */
final class JsonValues {
    private JsonValues() {
    }

    static Object immutable(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, member) -> copy.put((String) key, immutable(member)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return immutableList(list);
        }
        return value;
    }

    /** A list that may hold nulls (JSON arrays may), unlike {@code List.copyOf}. */
    static List<Object> immutableList(List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        list.forEach(element -> copy.add(immutable(element)));
        return Collections.unmodifiableList(copy);
    }
}
