package io.grantsmith.core.spi;

/**
 * JSON text could not be parsed. The message is safe to show: implementations describe the problem without
 * quoting the input. No stack trace is kept: malformed input is an expected outcome, not a bug.
 */
public final class MalformedJsonException extends Exception {
    public MalformedJsonException(String reason) {
        super(reason, null, false, false);
    }
}
