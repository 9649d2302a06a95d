package io.grantsmith.core.model;

import io.grantsmith.api.types.GrantType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One grant: what every token of a family shares, stored once (the {@code grants} table), with the flag that
 * revokes them all. Refresh tokens reference it and keep only their own fields; rotation's precondition checks
 * {@link #revoked()} in the same atomic write, so a revocation and a concurrent rotation cannot leave a live
 * successor, on one node or many.
 *
 * @param id        the family every token of the grant belongs to
 * @param subject   the resource owner, or null
 * @param scopes    the scopes granted (a refresh may narrow an access token's, never the grant's)
 * @param resources the resources granted (RFC 8707)
 * @param grantType the grant that started the family
 * @param claims    the claims request of the authorization (OpenID Connect, JSON as given), or null
 * @param authTime  when the user authenticated, or null
 * @param acr       the authentication context class reference, or null
 * @param nonce     the {@code nonce} of the authorization request, or null
 * @param expiresAt when the last token of the grant expires: the store may forget the grant after that
 * @param revoked   whether the grant was revoked (reuse detected, code reused, revocation): none of its tokens is
 *                  usable any more
 * @param consentedClaims the claims the user consented to share (Authlete's {@code consentedClaims} of
 *                  {@code /auth/authorization/issue}), or null when the authorization server did not say
 */
public record GrantRecord(
        FamilyId id,
        long serviceId,
        long clientId,
        String subject,
        Scopes scopes,
        List<String> resources,
        GrantType grantType,
        String claims,
        Instant authTime,
        String acr,
        String nonce,
        Instant createdAt,
        Instant expiresAt,
        boolean revoked,
        List<String> consentedClaims) {

    public GrantRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scopes, "scopes");
        resources = List.copyOf(resources);
        consentedClaims = consentedClaims == null ? null : List.copyOf(consentedClaims);
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Builder builder(FamilyId id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        return new Builder(id).serviceId(serviceId).clientId(clientId).subject(subject).scopes(scopes)
                .resources(resources).grantType(grantType).claims(claims).authTime(authTime).acr(acr).nonce(nonce)
                .createdAt(createdAt).expiresAt(expiresAt).revoked(revoked).consentedClaims(consentedClaims);
    }

    /** This grant, revoked. */
    public GrantRecord asRevoked() {
        return revoked ? this : toBuilder().revoked(true).build();
    }

    /** This grant, kept at least until {@code until} (a token issued later may outlive it). */
    public GrantRecord keptUntil(Instant until) {
        return until.isAfter(expiresAt) ? toBuilder().expiresAt(until).build() : this;
    }

    public static final class Builder {
        private final FamilyId id;
        private long serviceId;
        private long clientId;
        private String subject;
        private Scopes scopes = Scopes.empty();
        private List<String> resources = List.of();
        private GrantType grantType;
        private String claims;
        private Instant authTime;
        private String acr;
        private String nonce;
        private Instant createdAt;
        private Instant expiresAt;
        private boolean revoked;
        private List<String> consentedClaims;

        private Builder(FamilyId id) {
            this.id = id;
        }

        public Builder serviceId(long value) { serviceId = value; return this; }
        public Builder clientId(long value) { clientId = value; return this; }
        public Builder subject(String value) { subject = value; return this; }
        public Builder scopes(Scopes value) { scopes = value; return this; }
        public Builder resources(List<String> value) { resources = value; return this; }
        public Builder grantType(GrantType value) { grantType = value; return this; }
        public Builder claims(String value) { claims = value; return this; }
        public Builder authTime(Instant value) { authTime = value; return this; }
        public Builder acr(String value) { acr = value; return this; }
        public Builder nonce(String value) { nonce = value; return this; }
        public Builder createdAt(Instant value) { createdAt = value; return this; }
        public Builder expiresAt(Instant value) { expiresAt = value; return this; }
        public Builder revoked(boolean value) { revoked = value; return this; }
        public Builder consentedClaims(List<String> value) { consentedClaims = value; return this; }

        public GrantRecord build() {
            return new GrantRecord(id, serviceId, clientId, subject, scopes, resources, grantType, claims, authTime,
                    acr, nonce, createdAt, expiresAt, revoked, consentedClaims);
        }
    }
}
