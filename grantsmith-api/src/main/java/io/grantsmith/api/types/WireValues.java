package io.grantsmith.api.types;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Looks up enum constants by their OAuth wire spelling. */
final class WireValues<E extends Enum<E> & WireValued> {
    private final Map<String, E> byWireValue;

    WireValues(Class<E> type) {
        Map<String, E> map = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            map.put(constant.wireValue(), constant);
        }
        this.byWireValue = Collections.unmodifiableMap(map);
    }

    /** The constant spelled {@code wireValue} on the wire, or null when there is none. */
    E find(String wireValue) {
        return wireValue == null ? null : byWireValue.get(wireValue);
    }
}
