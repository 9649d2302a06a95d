package io.grantsmith.core.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** An ordered set of scope names, as in a {@code scope} parameter (RFC 6749 §3.3). Immutable. */
public final class Scopes implements Iterable<String> {
    private static final Scopes EMPTY = new Scopes(Set.of());

    private final Set<String> names;

    private Scopes(Set<String> names) {
        this.names = names;
    }

    public static Scopes empty() {
        return EMPTY;
    }

    /** The scopes of a space-delimited value; runs of spaces are tolerated, duplicates collapse. */
    public static Scopes parse(String spaceDelimited) {
        if (spaceDelimited == null || spaceDelimited.isBlank()) {
            return EMPTY;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : spaceDelimited.split(" +")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return of(names);
    }

    public static Scopes of(Collection<String> names) {
        if (names.isEmpty()) {
            return EMPTY;
        }
        return new Scopes(Collections.unmodifiableSet(new LinkedHashSet<>(names)));
    }

    public static Scopes of(String... names) {
        return of(List.of(names));
    }

    public boolean isEmpty() {
        return names.isEmpty();
    }

    public int size() {
        return names.size();
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    /** These scopes without {@code name}. */
    public Scopes without(String name) {
        if (!names.contains(name)) {
            return this;
        }
        List<String> rest = new ArrayList<>(names);
        rest.remove(name);
        return of(rest);
    }

    public List<String> asList() {
        return List.copyOf(names);
    }

    /** The space-delimited form used in the {@code scope} member of a token response. */
    public String toWire() {
        return String.join(" ", names);
    }

    @Override
    public Iterator<String> iterator() {
        return names.iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Scopes scopes && names.equals(scopes.names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return toWire();
    }
}
