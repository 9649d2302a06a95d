package io.grantsmith.facade.users;

import io.grantsmith.core.error.ResultCode;
import java.time.Duration;

/** The outcome of checking a user's password at the built-in authorization server. */
public sealed interface PasswordCheck {
    /** Wrong password or unknown user (the two are not told apart). */
    PasswordCheck REJECTED = new Rejected();

    /** The password is right; tokens go to {@code subject}. */
    record Accepted(String subject) implements PasswordCheck {
    }

    record Rejected() implements PasswordCheck {
    }

    /**
     * Not checked: too many failed attempts for this username with this client, or with this client overall.
     *
     * @param code {@link ResultCode#PASSWORD_USER_THROTTLED} or {@link ResultCode#PASSWORD_CLIENT_THROTTLED}
     */
    record Throttled(ResultCode code, Duration retryAfter) implements PasswordCheck {
    }

    /** Not checked: every verification slot stayed taken for the whole wait. */
    record Busy(Duration retryAfter) implements PasswordCheck {
    }
}
