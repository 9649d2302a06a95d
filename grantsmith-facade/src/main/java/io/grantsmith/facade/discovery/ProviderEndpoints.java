package io.grantsmith.facade.discovery;

import io.grantsmith.facade.manage.DiscoverySettings;

/**
 * The issuer and the endpoint URLs a discovery document advertises. Any of them may be null (not advertised).
 *
 * @param endSession RP-Initiated Logout's {@code end_session_endpoint}: the built-in server's {@code /logout}, or
 *                   what an authorization server front-end configured
 */
public record ProviderEndpoints(String issuer, String authorization, String token, String userInfo, String jwks,
        String introspection, String revocation, String endSession) {

    /** What a service's endpoints are called under its issuer at the built-in authorization server. */
    public static final String AUTHORIZATION_PATH = "/authorize";
    public static final String TOKEN_PATH = "/token";
    public static final String USERINFO_PATH = "/userinfo";
    public static final String JWKS_PATH = "/jwks";
    public static final String INTROSPECTION_PATH = "/introspect";
    public static final String REVOCATION_PATH = "/revoke";
    public static final String END_SESSION_PATH = "/logout";
    /** Appended to an issuer to get its OpenID Provider configuration (OpenID Connect Discovery §4). */
    public static final String OPENID_CONFIGURATION_PATH = "/.well-known/openid-configuration";

    /**
     * The built-in authorization server's URLs for a service: the issuer {@code <public-url>/as/<serviceId>} and
     * every endpoint under it.
     *
     * @param publicUrl the public URL in canonical form ({@link PublicUrl#normalize})
     */
    public static ProviderEndpoints builtIn(String publicUrl, long serviceId) {
        String issuer = builtInIssuer(publicUrl, serviceId);
        return new ProviderEndpoints(issuer, issuer + AUTHORIZATION_PATH, issuer + TOKEN_PATH, issuer + USERINFO_PATH,
                issuer + JWKS_PATH, issuer + INTROSPECTION_PATH, issuer + REVOCATION_PATH, issuer + END_SESSION_PATH);
    }

    static String builtInIssuer(String publicUrl, long serviceId) {
        return publicUrl + "/as/" + serviceId;
    }

    /**
     * The URLs an authorization server front-end advertises: those its service document configures
     * ({@code authorizationEndpoint}, {@code tokenEndpoint}, ...), these (the built-in server's) where it configures
     * none, and the given issuer.
     *
     * @param fallback the built-in server's URLs, or null when there is no public URL
     */
    public static ProviderEndpoints configured(String issuer, DiscoverySettings settings, ProviderEndpoints fallback) {
        ProviderEndpoints base = fallback != null ? fallback
                : new ProviderEndpoints(null, null, null, null, null, null, null, null);
        return new ProviderEndpoints(issuer,
                or(settings.authorizationEndpoint(), base.authorization()),
                or(settings.tokenEndpoint(), base.token()),
                or(settings.userInfoEndpoint(), base.userInfo()),
                or(settings.jwksUri(), base.jwks()),
                or(settings.introspectionEndpoint(), base.introspection()),
                or(settings.revocationEndpoint(), base.revocation()),
                settings.endSessionEndpoint());
    }

    private static String or(String configured, String fallback) {
        return configured != null ? configured : fallback;
    }
}
