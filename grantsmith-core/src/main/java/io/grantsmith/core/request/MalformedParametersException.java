package io.grantsmith.core.request;

/** The form-encoded parameters could not be decoded. The message is safe to show: it quotes no input. */
public final class MalformedParametersException extends RuntimeException {
    public MalformedParametersException(String reason) {
        super(reason, null, false, false);
    }
}
