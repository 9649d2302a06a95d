package io.grantsmith.core.authorization;

import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.core.error.ResultCode;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.result.ClientIdentity;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@code /auth/authorization/issue}: the code's redirect, or an {@link AuthorizationRefusal} (shared
 * with {@code /fail}).
 */
public sealed interface AuthorizationIssueResult permits AuthorizationIssueResult.Issued, AuthorizationRefusal {
    Service service();

    AuthorizationAction action();

    /** The result code and message ({@code resultCode}, {@code resultMessage}). */
    ResultMessage result();

    /**
     * The authorization request is granted: the response goes to the client's redirect URI, {@code LOCATION} by
     * query or fragment, {@code FORM} for {@code form_post}.
     *
     * @param code   the authorization code, or null for {@code response_type=none}
     * @param state  the request's {@code state}, or null
     * @param issuer the {@code iss} response parameter (RFC 9207), or null
     */
    record Issued(Service service, ClientIdentity client, String redirectUri, ResponseMode responseMode, String code,
            String state, String issuer) implements AuthorizationIssueResult {
        public Issued {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(responseMode, "responseMode");
        }

        @Override
        public AuthorizationAction action() {
            return responseMode == ResponseMode.FORM_POST ? AuthorizationAction.FORM : AuthorizationAction.LOCATION;
        }

        @Override
        public ResultMessage result() {
            return ResultCode.AUTHORIZATION_ISSUE_OK.message();
        }

        /** {@code code}, {@code state}, {@code iss}, in this order; absent ones left out. */
        public Map<String, String> parameters() {
            Map<String, String> parameters = new LinkedHashMap<>();
            if (code != null) {
                parameters.put("code", code);
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
         * The URL to redirect to ({@code LOCATION}).
         *
         * @throws IllegalStateException for {@code form_post}, whose page the caller renders from
         *                               {@link #parameters()}
         */
        public String location() {
            if (responseMode == ResponseMode.FORM_POST) {
                throw new IllegalStateException("a form_post response is a page: render parameters() instead");
            }
            return AuthorizationResponseUrls.location(redirectUri, responseMode, parameters());
        }

        @Override
        public String toString() {
            return "Issued[client=" + client.client().id() + ", redirectUri=" + redirectUri + ", mode="
                    + responseMode + "]";
        }
    }
}
