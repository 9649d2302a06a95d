package io.grantsmith.core.spi;

/**
 * Parses JSON text for the engine, which has no JSON library of its own (request parameters such as
 * {@code claims} are JSON). Implementations are thread-safe and bound what they accept (nesting depth, size),
 * so that hostile input is refused as malformed rather than exhausting the stack or memory.
 *
 * <p>The value is made of plain Java types: a JSON object is a {@code Map<String, Object>} in document order, an
 * array a {@code List<Object>}, a string a {@code String}, a number a {@code Long} when it is an integer within
 * the range of {@code long} and a {@code Double} otherwise, {@code true}/{@code false} a {@code Boolean}, and
 * {@code null} is {@code null}. Callers must not modify the collections.</p>
 */
public interface JsonReader {
    /**
     * Parses {@code text}, which must hold exactly one JSON value (surrounding whitespace allowed).
     *
     * @throws MalformedJsonException when it does not: a syntax error, trailing content, a member name that appears
     *                                twice in one object, or input beyond the implementation's limits
     */
    Object parse(String text) throws MalformedJsonException;
}
