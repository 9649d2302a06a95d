package io.grantsmith.core.request;

import io.grantsmith.core.model.Scopes;
import java.util.List;

/** The grant-specific parameters of a token request, parsed once into immutable values. */
public sealed interface GrantRequest
        permits GrantRequest.ClientCredentials, GrantRequest.Password, GrantRequest.RefreshToken {

    /** The requested scopes; empty when the request names none (RFC 6749 §3.3). */
    Scopes scope();

    /** The {@code resource} parameters (RFC 8707), empty values dropped. */
    List<String> resources();

    record ClientCredentials(Scopes scope, List<String> resources) implements GrantRequest {
        public ClientCredentials {
            resources = List.copyOf(resources);
        }
    }

    record Password(String username, String password, Scopes scope, List<String> resources) implements GrantRequest {
        public Password {
            resources = List.copyOf(resources);
        }

        @Override
        public String toString() {
            return "Password[username=" + username + ", scope=" + scope + ", resources=" + resources + "]";
        }
    }

    record RefreshToken(String refreshToken, Scopes scope, List<String> resources) implements GrantRequest {
        public RefreshToken {
            resources = List.copyOf(resources);
        }

        @Override
        public String toString() {
            return "RefreshToken[scope=" + scope + ", resources=" + resources + "]";
        }
    }

    /** The non-empty values of {@code resource}. */
    static List<String> resourcesOf(FormParameters parameters) {
        return parameters.all("resource").stream().filter(value -> !value.isEmpty()).toList();
    }
}
