package io.grantsmith.jose;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Checks that JWT claims and header members are plain JSON values before they are written: strings, numbers,
 * booleans, null, lists and maps of those. Anything else would be written by reflection, field by field, which
 * is never what a caller meant and could expose internals.
 */
final class Claims {
    private Claims() {
    }

    static Map<String, ?> checked(Map<String, ?> members) {
        for (Map.Entry<String, ?> member : members.entrySet()) {
            if (member.getKey() == null) {
                throw new IllegalArgumentException("a JSON member needs a name");
            }
            check(member.getValue(), member.getKey());
        }
        return members;
    }

    private static void check(Object value, String name) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float || value instanceof BigInteger
                || value instanceof BigDecimal) {
            return;
        }
        if (value instanceof Collection<?> values) {
            for (Object element : values) {
                check(element, name);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw new IllegalArgumentException("the member '" + name + "' holds a map with a key that is "
                            + "not a string");
                }
                check(entry.getValue(), name);
            }
            return;
        }
        throw new IllegalArgumentException("the member '" + name + "' holds a " + value.getClass().getName()
                + ", which is not a plain JSON value");
    }
}
