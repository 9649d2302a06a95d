package io.grantsmith.core.spi;

/**
 * A store could not do what was asked (I/O error, lost connection, full disk). The engine answers the
 * request with an internal-server-error result; nothing was acknowledged, so nothing is lost.
 */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
