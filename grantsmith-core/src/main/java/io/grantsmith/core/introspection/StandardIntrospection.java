package io.grantsmith.core.introspection;

import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.error.ResultMessage;
import java.util.Objects;

/** The outcome of an RFC 7662 introspection request ({@code /auth/introspection/standard}). */
public sealed interface StandardIntrospection {
    ResultMessage result();

    /** Authlete's action for this outcome; every outcome has one, so a new outcome does not compile without it. */
    StandardIntrospectionResponse.Action action();

    /** An outcome that refuses the request with an OAuth error. */
    sealed interface Refused extends StandardIntrospection {
        OAuthError error();

        @Override
        default ResultMessage result() {
            return error().result();
        }
    }

    /** The token is active: the response describes it. */
    record Active(IntrospectedToken token, ResultMessage result) implements StandardIntrospection {
        public Active {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(result, "result");
        }

        @Override
        public StandardIntrospectionResponse.Action action() {
            return StandardIntrospectionResponse.Action.OK;
        }
    }

    /**
     * The token is unknown, expired, revoked, of another service, or not meant for the asking resource server: the
     * response is {@code {"active":false}} and says nothing more (RFC 7662 §2.2).
     */
    record Inactive(ResultMessage result) implements StandardIntrospection {
        public Inactive {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public StandardIntrospectionResponse.Action action() {
            return StandardIntrospectionResponse.Action.OK;
        }
    }

    /** The request is malformed (400, {@code invalid_request}). */
    record BadRequest(OAuthError error) implements Refused {
        public BadRequest {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public StandardIntrospectionResponse.Action action() {
            return StandardIntrospectionResponse.Action.BAD_REQUEST;
        }
    }

    /** The caller sent no parameters, or the store failed (500). */
    record InternalServerError(OAuthError error) implements Refused {
        public InternalServerError {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public StandardIntrospectionResponse.Action action() {
            return StandardIntrospectionResponse.Action.INTERNAL_SERVER_ERROR;
        }
    }
}
