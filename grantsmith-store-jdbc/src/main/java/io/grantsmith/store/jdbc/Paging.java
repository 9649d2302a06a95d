package io.grantsmith.store.jdbc;

/** Index ranges of the registry ports as {@code LIMIT ? OFFSET ?} parameters. */
final class Paging {
    private Paging() {
    }

    /**
     * {@code [start, end)} as LIMIT and OFFSET, clamped like the reference store: a negative start counts
     * from zero, and an end before the start gives nothing.
     */
    static Params limitOffset(int start, int end) {
        int offset = Math.max(0, start);
        return Params.of().integer(Math.max(0, end - offset)).integer(offset);
    }
}
