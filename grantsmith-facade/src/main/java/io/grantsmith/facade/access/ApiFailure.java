package io.grantsmith.facade.access;

import java.util.Objects;

/**
 * An API call that could not be processed: the edge answers {@link ApiResultCode#httpStatus()} with
 * {@code {resultCode, resultMessage}}. The API path is filled in by the edge, which knows it.
 */
public final class ApiFailure extends RuntimeException {
    private final ApiResultCode code;
    private final Object[] args;

    public ApiFailure(ApiResultCode code, Object... args) {
        super(code.code(), null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.args = args.clone();
    }

    public ApiResultCode code() {
        return code;
    }

    public String resultMessage(String apiPath) {
        return code.message(apiPath, args);
    }
}
