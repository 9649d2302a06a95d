package io.grantsmith.core.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scopes a service supports, by name. Immutable. */
public final class ScopeCatalog {
    private final Map<String, ScopeDefinition> byName;
    private final Scopes defaults;

    private ScopeCatalog(Map<String, ScopeDefinition> byName) {
        this.byName = byName;
        List<String> defaultNames = new ArrayList<>();
        byName.values().stream().filter(ScopeDefinition::defaultEntry).forEach(s -> defaultNames.add(s.name()));
        this.defaults = Scopes.of(defaultNames);
    }

    public static ScopeCatalog of(Collection<ScopeDefinition> definitions) {
        Map<String, ScopeDefinition> byName = new LinkedHashMap<>();
        for (ScopeDefinition definition : definitions) {
            byName.putIfAbsent(definition.name(), definition);
        }
        return new ScopeCatalog(Collections.unmodifiableMap(byName));
    }

    public static ScopeCatalog of(String... names) {
        List<ScopeDefinition> definitions = new ArrayList<>();
        for (String name : names) {
            definitions.add(ScopeDefinition.of(name));
        }
        return of(definitions);
    }

    public boolean supports(String name) {
        return byName.containsKey(name);
    }

    /** The scopes granted when a request names none. */
    public Scopes defaults() {
        return defaults;
    }

    /**
     * The smallest positive duration that attribute {@code key} sets on any of {@code scopes}, or zero
     * when none of them sets one.
     */
    public Duration shortestDuration(Scopes scopes, String key) {
        Duration shortest = Duration.ZERO;
        for (String name : scopes) {
            ScopeDefinition definition = byName.get(name);
            if (definition != null) {
                Duration duration = definition.durationAttribute(key);
                if (!duration.isZero() && (shortest.isZero() || duration.compareTo(shortest) < 0)) {
                    shortest = duration;
                }
            }
        }
        return shortest;
    }

    public Collection<ScopeDefinition> definitions() {
        return byName.values();
    }
}
