package io.grantsmith.core.error;

import io.grantsmith.core.spi.StoreException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A store failed at a step that has a result code of its own: a client lookup, a refresh-token read, a ticket
 * update. A failed token write is reported with its grant's code instead; naming the step keeps an operator from
 * looking for a failed write that never happened. The engine logs the cause and answers with {@link #code()}.
 */
public final class StoreFailure extends RuntimeException {
    private final ResultCode code;

    public StoreFailure(ResultCode code, StoreException cause) {
        super(code.code() + ": " + cause.getMessage(), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ResultCode code() {
        return code;
    }

    /** Runs {@code step}; a store failure inside it is reported with {@code code}. */
    public static <T> T reportedAs(ResultCode code, Supplier<T> step) {
        try {
            return step.get();
        } catch (StoreException e) {
            throw new StoreFailure(code, e);
        }
    }

    /** Runs {@code step}; a store failure inside it is reported with {@code code}. */
    public static void reportedAs(ResultCode code, Runnable step) {
        try {
            step.run();
        } catch (StoreException e) {
            throw new StoreFailure(code, e);
        }
    }
}
