package io.grantsmith.core.request;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} token request, parsed once and kept with
 * every value of every name, so that repeated parameters can be detected instead of silently collapsed.
 */
public final class FormParameters {
    /** Upper bound on distinct or repeated parameters; a real token request has fewer than twenty. */
    public static final int MAX_PARAMETERS = 100;

    private final Map<String, List<String>> values;

    private FormParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses a form-encoded string ({@code a=1&b=2}); {@code +} is a space and {@code %XX} are UTF-8 bytes.
     *
     * @throws MalformedParametersException when the encoding is broken or there are too many parameters
     */
    public static FormParameters parse(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        int count = 0;
        int start = 0;
        int length = encoded.length();
        while (start <= length) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            if (end > start) {
                if (++count > MAX_PARAMETERS) {
                    throw new MalformedParametersException("more than " + MAX_PARAMETERS + " parameters");
                }
                int equals = encoded.indexOf('=', start);
                boolean hasValue = equals >= 0 && equals < end;
                String name = decode(encoded, start, hasValue ? equals : end);
                String value = hasValue ? decode(encoded, equals + 1, end) : "";
                values.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
            }
            start = end + 1;
        }
        return new FormParameters(values);
    }

    /** Builds parameters from already-decoded single values, in the given order (for tests and embedding). */
    public static FormParameters of(Map<String, String> singleValues) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        singleValues.forEach((name, value) -> values.put(name, List.of(value)));
        return new FormParameters(values);
    }

    /**
     * Decodes one form-encoded component ({@code +} is a space, {@code %XX} are UTF-8 bytes).
     *
     * @throws MalformedParametersException when the encoding is broken
     */
    public static String decodeComponent(String encoded) {
        return decode(encoded, 0, encoded.length());
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** How many times {@code name} appears. */
    public int count(String name) {
        List<String> list = values.get(name);
        return list == null ? 0 : list.size();
    }

    /** The first value of {@code name}, or null when it is absent. */
    public String first(String name) {
        List<String> list = values.get(name);
        return list == null ? null : list.get(0);
    }

    /** Every value of {@code name}, in request order; empty when absent. */
    public List<String> all(String name) {
        List<String> list = values.get(name);
        return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    /**
     * The value of an optional single-valued parameter, with RFC 6749 §3.2 applied: a parameter sent
     * without a value is treated as if it were omitted. Null when absent or empty.
     */
    public String optional(String name) {
        String value = first(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static String decode(String encoded, int from, int to) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = encoded.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return encoded.substring(from, to);
        }
        ByteBuffer bytes = ByteBuffer.allocate((to - from) * 4);
        for (int i = from; i < to; i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw new MalformedParametersException("truncated percent-encoding");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedParametersException("invalid percent-encoding");
                }
                bytes.put((byte) ((high << 4) | low));
                i += 2;
            } else {
                // Encode the whole run of literal characters at once: one char at a time would split
                // surrogate pairs (characters outside the BMP) and turn each half into '?'.
                int runEnd = i + 1;
                while (runEnd < to && encoded.charAt(runEnd) != '%' && encoded.charAt(runEnd) != '+') {
                    runEnd++;
                }
                bytes.put(StandardCharsets.UTF_8.encode(CharBuffer.wrap(encoded, i, runEnd)));
                i = runEnd - 1;
            }
        }
        bytes.flip();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return decoder.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedParametersException("percent-encoded bytes are not UTF-8");
        }
    }
}
