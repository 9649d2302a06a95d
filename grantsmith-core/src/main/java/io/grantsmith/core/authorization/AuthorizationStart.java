package io.grantsmith.core.authorization;

import io.grantsmith.core.model.RequestedAuthorization;
import java.util.Objects;

/**
 * The outcome of {@code /auth/authorization}: the validation's result and, for a valid request, the ticket that
 * {@code /issue} or {@code /fail} continues with and what the ticket holds.
 *
 * @param ticket    the ticket value, only for {@link AuthorizationResult.Valid}; else null
 * @param requested what the ticket holds, only for {@link AuthorizationResult.Valid}; else null
 */
public record AuthorizationStart(AuthorizationResult result, String ticket, RequestedAuthorization requested) {
    public AuthorizationStart {
        Objects.requireNonNull(result, "result");
        boolean valid = result instanceof AuthorizationResult.Valid;
        if (valid != (ticket != null) || valid != (requested != null)) {
            throw new IllegalArgumentException("exactly a valid request has a ticket");
        }
    }

    static AuthorizationStart refused(AuthorizationResult result) {
        return new AuthorizationStart(result, null, null);
    }

    @Override
    public String toString() {
        return "AuthorizationStart[action=" + result.action() + "]";
    }
}
