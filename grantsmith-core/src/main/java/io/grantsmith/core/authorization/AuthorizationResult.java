package io.grantsmith.core.authorization;

import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.core.error.OAuthError;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of validating an authorization request (Authlete's {@code /auth/authorization}): one record per
 * kind of answer, each with only its own fields. {@link #action()} names the Authlete action it becomes.
 */
public sealed interface AuthorizationResult {
    /** The service the request was sent to. */
    Service service();

    AuthorizationAction action();

    /**
     * The request is valid: {@code INTERACTION}, or {@code NO_INTERACTION} when it says {@code prompt=none}. The
     * caller issues a ticket for it and continues the flow.
     */
    record Valid(Service service, ValidatedAuthorizationRequest request) implements AuthorizationResult {
        public Valid {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(request, "request");
        }

        @Override
        public AuthorizationAction action() {
            return request.noInteraction() ? AuthorizationAction.NO_INTERACTION : AuthorizationAction.INTERACTION;
        }
    }

    /**
     * The request is invalid and there is no redirect URI the error could safely go to (the client is unknown,
     * the redirect URI is missing, malformed or not registered, {@code response_type} is missing, ...):
     * {@code BAD_REQUEST}, answered with 400 and a JSON error body, never a redirect (RFC 6749 §4.1.2.1).
     *
     * @param client the client, when it was identified before the request failed; else null
     */
    record BadRequest(Service service, ClientIdentity client, OAuthError error) implements AuthorizationResult {
        public BadRequest {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(error, "error");
        }

        @Override
        public AuthorizationAction action() {
            return AuthorizationAction.BAD_REQUEST;
        }
    }

    /**
     * The request is invalid and the error goes back to the client at its redirect URI: {@code LOCATION} (query
     * or fragment) or {@code FORM} ({@code form_post}).
     *
     * @param redirectUri  the client's redirect URI, already checked against its registration
     * @param responseMode {@code query}, {@code fragment} or {@code form_post}
     * @param state        the request's {@code state} to echo, or null (absent, or itself the problem)
     * @param issuer       the {@code iss} response parameter (RFC 9207): the service's issuer, or null when it has
     *                     none or sets {@code issSuppressed}
     */
    record ErrorRedirect(Service service, ClientIdentity client, String redirectUri, ResponseMode responseMode,
            OAuthError error, String state, String issuer) implements AuthorizationResult {
        public ErrorRedirect {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(redirectUri, "redirectUri");
            if (responseMode != ResponseMode.QUERY && responseMode != ResponseMode.FRAGMENT
                    && responseMode != ResponseMode.FORM_POST) {
                throw new IllegalArgumentException("an error is sent by query, fragment or form_post, not "
                        + responseMode);
            }
            Objects.requireNonNull(error, "error");
        }

        @Override
        public AuthorizationAction action() {
            return responseMode == ResponseMode.FORM_POST ? AuthorizationAction.FORM : AuthorizationAction.LOCATION;
        }

        /**
         * The response parameters in order: {@code error}, {@code error_description} (the result message,
         * restricted to the characters RFC 6749 §4.1.2.1 allows; left out when the service sets
         * {@code errorDescriptionOmitted}), {@code error_uri} (left out when {@code errorUriBase} is null or the
         * service sets {@code errorUriOmitted}), {@code state}, {@code iss}. Absent ones are left out.
         *
         * @param errorUriBase the prefix of {@code error_uri} to which the result code is appended, or null
         */
        public Map<String, String> parameters(String errorUriBase) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", error.error().wireValue());
            if (!service.errorDescriptionOmitted()) {
                parameters.put("error_description",
                        AuthorizationResponseUrls.errorDescription(error.result().formatted()));
            }
            if (errorUriBase != null && !service.errorUriOmitted()) {
                parameters.put("error_uri", errorUriBase + error.result().code().code());
            }
            if (state != null) {
                parameters.put("state", state);
            }
            if (issuer != null) {
                parameters.put("iss", issuer);
            }
            return Collections.unmodifiableMap(parameters);
        }

        /**
         * The URL to redirect to ({@code LOCATION}): the redirect URI with {@link #parameters(String)} in its query
         * or fragment.
         *
         * @throws IllegalStateException for {@code form_post} ({@code FORM}), whose page the caller renders from
         *                               {@link #parameters(String)}
         */
        public String location(String errorUriBase) {
            if (responseMode == ResponseMode.FORM_POST) {
                throw new IllegalStateException("a form_post response is a page: render parameters() instead");
            }
            return AuthorizationResponseUrls.location(redirectUri, responseMode, parameters(errorUriBase));
        }
    }

    /**
     * The caller's request was wrong (no {@code parameters}) or the server failed: {@code INTERNAL_SERVER_ERROR}.
     */
    record InternalServerError(Service service, OAuthError error) implements AuthorizationResult {
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
