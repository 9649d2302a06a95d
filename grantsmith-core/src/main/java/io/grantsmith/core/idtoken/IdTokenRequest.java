package io.grantsmith.core.idtoken;

import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.IdTokenAudType;
import io.grantsmith.core.model.Service;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one ID token says, before the server's own claims are derived from it.
 *
 * @param service           the issuing service: its effective issuer, {@code idTokenDuration} and
 *                          {@code idTokenAudType}
 * @param client            the audience: its {@code idTokenSignAlg} and subject type
 * @param clientIdAliasUsed the client identified itself by its alias, which then is the audience (as the client
 *                          knows itself by it)
 * @param subject           the user's own subject; {@link PairwiseSubjects} turns it into the client's
 * @param authTime          when the user authenticated, or null when unknown. Pass it whenever it is known: it
 *                          is written whenever given, and relying parties that sent {@code max_age}, registered
 *                          {@code require_auth_time} or {@code default_max_age}, or asked for it in
 *                          {@code claims} reject an ID token without it
 * @param nonce             the authorization request's {@code nonce}, or null
 * @param acr               the authentication context class satisfied, or null
 * @param amr               the authentication methods used; empty for none
 * @param accessToken       the access token issued with the ID token, for {@code at_hash}; or null
 * @param code              the authorization code issued with the ID token, for {@code c_hash}; or null
 * @param state             the authorization request's {@code state}, for {@code s_hash}; or null
 * @param claims            user claims to carry, already selected ({@link RequestedClaims}); values are plain
 *                          JSON values. Claims the server sets itself ({@code sub}, {@code iss}, ...) are ignored
 *                          here, so that user data cannot override them.
 * @param audType           the shape of {@code aud} for this token (Authlete's per-call {@code idTokenAudType} of
 *                          {@code /auth/authorization/issue}), or null for the service's
 * @param header            extra JOSE header members (Authlete's {@code idtHeaderParams}, e.g. {@code typ});
 *                          {@code alg} and {@code kid} come from the key and must not be among them
 */
public record IdTokenRequest(Service service, Client client, boolean clientIdAliasUsed, String subject,
        Instant authTime, String nonce, String acr, List<String> amr, String accessToken,
        String code, String state, Map<String, Object> claims, IdTokenAudType audType, Map<String, Object> header) {

    public IdTokenRequest {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(subject, "subject");
        amr = List.copyOf(amr);
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
        header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
        if (header.containsKey("alg") || header.containsKey("kid")) {
            throw new IllegalArgumentException("alg and kid come from the signing key");
        }
    }

    /** This request with {@code value} as its user claims. */
    public IdTokenRequest withClaims(Map<String, ?> value) {
        return new IdTokenRequest(service, client, clientIdAliasUsed, subject, authTime, nonce, acr, amr, accessToken,
                code, state, new LinkedHashMap<>(value), audType, header);
    }

    public static Builder builder(Service service, Client client, String subject) {
        return new Builder(service, client, subject);
    }

    /** Builds a request; only service, client and subject are required. */
    public static final class Builder {
        private final Service service;
        private final Client client;
        private final String subject;
        private boolean clientIdAliasUsed;
        private Instant authTime;
        private String nonce;
        private String acr;
        private List<String> amr = List.of();
        private String accessToken;
        private String code;
        private String state;
        private Map<String, Object> claims = Map.of();
        private IdTokenAudType audType;
        private Map<String, Object> header = Map.of();

        private Builder(Service service, Client client, String subject) {
            this.service = service;
            this.client = client;
            this.subject = subject;
        }

        public Builder clientIdAliasUsed(boolean value) { clientIdAliasUsed = value; return this; }
        public Builder authTime(Instant value) { authTime = value; return this; }
        public Builder nonce(String value) { nonce = value; return this; }
        public Builder acr(String value) { acr = value; return this; }
        public Builder amr(List<String> value) { amr = value; return this; }
        public Builder accessToken(String value) { accessToken = value; return this; }
        public Builder code(String value) { code = value; return this; }
        public Builder state(String value) { state = value; return this; }
        public Builder claims(Map<String, Object> value) { claims = value; return this; }
        public Builder audType(IdTokenAudType value) { audType = value; return this; }
        public Builder header(Map<String, Object> value) { header = value; return this; }

        public IdTokenRequest build() {
            return new IdTokenRequest(service, client, clientIdAliasUsed, subject, authTime, nonce,
                    acr, amr, accessToken, code, state, claims, audType, header);
        }
    }
}
