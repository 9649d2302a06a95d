package io.grantsmith.core.authorization;

import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Service;
import java.util.Objects;

/** The outcome of {@code /auth/authorization/fail}: one record per kind of answer. */
public sealed interface AuthorizationFailResult {
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

    /** The ticket cannot be used (unknown, expired, used) or its client is gone: {@code BAD_REQUEST}. */
    record BadRequest(Service service, OAuthError error) implements AuthorizationFailResult {
        public BadRequest {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public AuthorizationAction action() {
            return AuthorizationAction.BAD_REQUEST;
        }

        @Override
        public ResultMessage result() {
            return error.result();
        }
    }

    /** The caller's request was wrong or the server failed: {@code INTERNAL_SERVER_ERROR}. */
    record InternalServerError(Service service, OAuthError error) implements AuthorizationFailResult {
        public InternalServerError {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public AuthorizationAction action() {
            return AuthorizationAction.INTERNAL_SERVER_ERROR;
        }

        @Override
        public ResultMessage result() {
            return error.result();
        }
    }
}
