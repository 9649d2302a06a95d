package io.grantsmith.facade.access;

import java.util.Objects;

/**
 * An API call that could not be processed: the edge answers {@link ApiResultCode#httpStatus()} with
 * {@code {resultCode, resultMessage}}. The API path is filled in by the edge, which knows it.
 */
public final class ApiFailure extends RuntimeException {
    private final ApiResultCode code;
    private final Object[] args;
    private final long retryAfterSeconds;

    public ApiFailure(ApiResultCode code, Object... args) {
        this(0, code, args);
    }

    private ApiFailure(long retryAfterSeconds, ApiResultCode code, Object... args) {
        super(code.code(), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.args = args.clone();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A failure that asks the caller to retry after {@code seconds} ({@code Retry-After}), for 429 and 503. */
    public static ApiFailure retryAfter(long seconds, ApiResultCode code, Object... args) {
        if (seconds < 1) {
            throw new IllegalArgumentException("Retry-After is at least one second");
        }
        return new ApiFailure(seconds, code, args);
    }

    public ApiResultCode code() {
        return code;
    }

    /** The seconds of the {@code Retry-After} header to send, or 0 for none. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public String resultMessage(String apiPath) {
        return code.message(apiPath, args);
    }
}
