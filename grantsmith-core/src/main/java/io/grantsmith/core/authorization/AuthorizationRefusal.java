package io.grantsmith.core.authorization;

import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.OAuthException;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Service;
import java.util.Objects;

/**
 * A refusal of {@code /auth/authorization/issue} or {@code /auth/authorization/fail}: the answer goes to the
 * authorization server that called, never to the client's redirect URI. Both steps refuse for the same reasons
 * (the ticket cannot be used, the caller's request was wrong, the server failed), so they share these records.
 */
public sealed interface AuthorizationRefusal extends AuthorizationIssueResult, AuthorizationFailResult {
    OAuthError error();

    @Override
    default ResultMessage result() {
        return error().result();
    }

    /** The refusal an {@link OAuthException} of a step stands for: {@code BAD_REQUEST} or else a server error. */
    static AuthorizationRefusal of(Service service, OAuthException e) {
        return e.kind() == FailureKind.BAD_REQUEST ? new BadRequest(service, e.error())
                : new InternalServerError(service, e.error());
    }

    /** The ticket cannot be used (unknown, expired, used) or its client is gone: {@code BAD_REQUEST}. */
    record BadRequest(Service service, OAuthError error) implements AuthorizationRefusal {
        public BadRequest {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public AuthorizationAction action() {
            return AuthorizationAction.BAD_REQUEST;
        }
    }

    /** The caller's request was wrong or the server failed: {@code INTERNAL_SERVER_ERROR}. */
    record InternalServerError(Service service, OAuthError error) implements AuthorizationRefusal {
        public InternalServerError {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public AuthorizationAction action() {
            return AuthorizationAction.INTERNAL_SERVER_ERROR;
        }
    }
}
