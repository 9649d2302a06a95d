package io.grantsmith.core.authorization;

import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Service;
import java.util.Objects;

/**
 * The outcome of {@code /auth/authorization/fail}: the error redirect, or an {@link AuthorizationRefusal} (shared
 * with {@code /issue}).
 */
public sealed interface AuthorizationFailResult permits AuthorizationFailResult.Redirect, AuthorizationRefusal {
    Service service();

    AuthorizationAction action();

    /** The result code and message ({@code resultCode}, {@code resultMessage}). */
    ResultMessage result();

    /** The error goes back to the client: {@code LOCATION} or {@code FORM}. */
    record Redirect(AuthorizationResult.ErrorRedirect redirect) implements AuthorizationFailResult {
        public Redirect {
            Objects.requireNonNull(redirect, "redirect");
        }

        @Override
        public Service service() {
            return redirect.service();
        }

        @Override
        public AuthorizationAction action() {
            return redirect.action();
        }

        @Override
        public ResultMessage result() {
            return redirect.error().result();
        }
    }
}
