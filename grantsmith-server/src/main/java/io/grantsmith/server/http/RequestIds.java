package io.grantsmith.server.http;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The request ID of each HTTP request: the one the client or a proxy sent in {@code X-Request-Id} when it is sane
 * (1 to 128 characters among letters, digits and {@code . _ : + = / @ -}: a UUID, a trace ID, a proxy's counter),
 * otherwise a new random one. It is echoed in the response's {@code X-Request-Id} and is the {@code requestId} of
 * every log line written while the request is handled, so that a line can be matched with a request across the
 * proxy, the client and the log. An ID from outside is never trusted for more than that: it only names the request.
 */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    /** The key in the logging context (SLF4J's MDC). */
    static final String LOG_KEY = "requestId";
    static final int MAX_LENGTH = 128;

    private RequestIds() {
    }

    /** The offered ID when it is sane, else a new one. */
    static String acceptOrCreate(String offered) {
        return isSane(offered) ? offered : create();
    }

    static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || ".-_:+=/@".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** 64 random bits as 16 hex digits: unique enough to tell requests apart in a log; it guards nothing. */
    static String create() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }
}
