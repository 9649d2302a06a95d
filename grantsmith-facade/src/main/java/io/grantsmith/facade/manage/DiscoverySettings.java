package io.grantsmith.facade.manage;

import io.grantsmith.api.dto.Service;
import io.grantsmith.api.types.ClientAuthMethod;
import java.util.EnumSet;
import java.util.Set;

/**
 * The members of a service document that only its discovery document reads: the URLs of an authorization server
 * front-end's own endpoints and pages, and the client authentication methods of its introspection and revocation
 * endpoints. Blank strings count as absent (null).
 *
 * @param introspectionAuthMethods {@code supportedIntrospectionAuthMethods}; empty when the service lists none
 * @param revocationAuthMethods    {@code supportedRevocationAuthMethods}; empty when the service lists none
 */
public record DiscoverySettings(String authorizationEndpoint, String tokenEndpoint, String userInfoEndpoint,
        String jwksUri, String introspectionEndpoint, String revocationEndpoint, String endSessionEndpoint,
        String serviceDocumentation, String policyUri, String tosUri,
        Set<ClientAuthMethod> introspectionAuthMethods, Set<ClientAuthMethod> revocationAuthMethods) {

    /** A service document that says none of these. */
    public static final DiscoverySettings NONE = new DiscoverySettings(null, null, null, null, null, null, null, null,
            null, null, Set.of(), Set.of());

    public DiscoverySettings {
        introspectionAuthMethods = Set.copyOf(introspectionAuthMethods);
        revocationAuthMethods = Set.copyOf(revocationAuthMethods);
    }

    /** Reads them from a stored service document, already bound to Authlete's DTO. */
    static DiscoverySettings of(Service document) {
        return new DiscoverySettings(text(document.getAuthorizationEndpoint()), text(document.getTokenEndpoint()),
                text(document.getUserInfoEndpoint()), text(document.getJwksUri()),
                text(document.getIntrospectionEndpoint()), text(document.getRevocationEndpoint()),
                text(document.getEndSessionEndpoint()), text(document.getServiceDocumentation()),
                text(document.getPolicyUri()), text(document.getTosUri()),
                methods(document.getSupportedIntrospectionAuthMethods()),
                methods(document.getSupportedRevocationAuthMethods()));
    }

    /** The listed methods; an element that was null in the document is skipped (these members are not checked). */
    private static Set<ClientAuthMethod> methods(ClientAuthMethod[] values) {
        Set<ClientAuthMethod> methods = EnumSet.noneOf(ClientAuthMethod.class);
        if (values != null) {
            for (ClientAuthMethod value : values) {
                if (value != null) {
                    methods.add(value);
                }
            }
        }
        return methods;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
