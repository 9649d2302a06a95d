package io.grantsmith.server.logging;

import java.util.Locale;

/** How log events are written to stderr: {@code text} for people, {@code json} (one object per line) for shippers. */
public enum LogFormat {
    TEXT,
    JSON;

    /** {@code text} or {@code json}, in any case. */
    public static LogFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log format must be 'text' or 'json', not '" + value + "'");
        }
    }
}
