package io.grantsmith.facade.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.api.types.WireValued;
import io.grantsmith.core.authorization.AuthorizationRequestValidator;
import io.grantsmith.core.jose.SigningAlgorithm;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Service;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.manage.DiscoverySettings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds a service's discovery document: OpenID Provider Metadata (OpenID Connect Discovery 1.0 §3), which is also
 * OAuth 2.0 Authorization Server Metadata (RFC 8414 §2), from the service's settings and what Grantsmith implements.
 * It never advertises what Grantsmith does not do: a setting for a feature that is not implemented yet (other
 * response types, JARM, request objects, PAR, encrypted userinfo, DPoP, mTLS) leaves its member out or says
 * {@code false}, because strict relying parties act on every member. Members without a value are left out, never
 * {@code null}.
 */
final class DiscoveryDocument {
    /** The grant types the token endpoint implements, in the order they are listed. */
    static final List<GrantType> IMPLEMENTED_GRANT_TYPES = List.of(GrantType.AUTHORIZATION_CODE,
            GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD);
    /** The client authentication methods the token endpoint implements. */
    static final List<ClientAuthMethod> TOKEN_AUTH_METHODS = List.of(ClientAuthMethod.CLIENT_SECRET_BASIC,
            ClientAuthMethod.CLIENT_SECRET_POST, ClientAuthMethod.NONE);
    /** Introspection is for confidential clients only: an unauthenticated caller must not learn about tokens. */
    static final List<ClientAuthMethod> INTROSPECTION_AUTH_METHODS = List.of(ClientAuthMethod.CLIENT_SECRET_BASIC,
            ClientAuthMethod.CLIENT_SECRET_POST);
    /** Public clients may revoke their own tokens, naming themselves with {@code client_id} (RFC 7009 §2.1). */
    static final List<ClientAuthMethod> REVOCATION_AUTH_METHODS = TOKEN_AUTH_METHODS;
    /** The response modes the authorization request validator accepts (JARM's are refused as not implemented). */
    static final List<ResponseMode> RESPONSE_MODES = List.of(ResponseMode.QUERY, ResponseMode.FRAGMENT,
            ResponseMode.FORM_POST);
    static final List<String> SUBJECT_TYPES = List.of("public", "pairwise");
    /** The claims the server itself puts into ID tokens ({@code acr} too when the service lists ACRs). */
    static final List<String> PROTOCOL_CLAIMS = List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce");
    /**
     * The user claims advertised for a service that lists no {@code supportedClaims}: those the built-in server's
     * users have. A service that lists claims advertises those instead, as requests for any other claim are
     * dropped for it.
     */
    static final List<String> DEFAULT_USER_CLAIMS = List.of("name", "email", "email_verified");

    private DiscoveryDocument() {
    }

    /**
     * @param algorithms the algorithms the service has a current signing key for
     * @param endpoints  the issuer and the endpoint URLs to advertise
     */
    static ObjectNode build(Service service, DiscoverySettings settings, Set<SigningAlgorithm> algorithms,
            ProviderEndpoints endpoints) {
        AuthorizationSettings authorization = service.authorization();
        Members document = new Members(WireJson.mapper().createObjectNode());
        document.text("issuer", endpoints.issuer());
        document.text("authorization_endpoint", endpoints.authorization());
        document.text("token_endpoint", endpoints.token());
        document.text("userinfo_endpoint", endpoints.userInfo());
        document.text("jwks_uri", endpoints.jwks());
        // The service's scopes only: openid is not added, as requests for it are plain OAuth requests (no ID token)
        // unless the service lists it.
        document.texts("scopes_supported", service.scopes().definitions().stream().map(ScopeDefinition::name)
                .toList(), false);
        document.wire("response_types_supported", ordered(ResponseType.class, type ->
                authorization.supportedResponseTypes().contains(type)
                        && AuthorizationRequestValidator.IMPLEMENTED_RESPONSE_TYPES.contains(type)), true);
        document.wire("response_modes_supported", RESPONSE_MODES, true);
        document.wire("grant_types_supported", IMPLEMENTED_GRANT_TYPES.stream().filter(service::supports).toList(),
                true);
        document.texts("acr_values_supported", authorization.supportedAcrs(), false);
        document.texts("subject_types_supported", SUBJECT_TYPES, true);
        document.texts("id_token_signing_alg_values_supported", ordered(SigningAlgorithm.class, algorithms::contains)
                .stream().map(SigningAlgorithm::wireName).toList(), true);
        // signed userinfo responses use the same keys as ID tokens (userInfoSignAlg of the client)
        document.texts("userinfo_signing_alg_values_supported", ordered(SigningAlgorithm.class, algorithms::contains)
                .stream().map(SigningAlgorithm::wireName).toList(), false);
        document.wire("display_values_supported", ordered(Display.class,
                authorization.supportedDisplays()::contains), false);
        document.texts("claim_types_supported", List.of("normal"), true);
        document.texts("claims_supported", claims(authorization), true);
        document.text("service_documentation", settings.serviceDocumentation());
        document.texts("claims_locales_supported", authorization.supportedClaimLocales(), false);
        document.texts("ui_locales_supported", authorization.supportedUiLocales(), false);
        document.object().put("claims_parameter_supported", true);
        // Request objects are refused (A008391/A008392): say so, as both members default to something else.
        document.object().put("request_parameter_supported", false);
        document.object().put("request_uri_parameter_supported", false);
        document.text("op_policy_uri", settings.policyUri());
        document.text("op_tos_uri", settings.tosUri());
        document.wire("token_endpoint_auth_methods_supported",
                TOKEN_AUTH_METHODS.stream().filter(service::allows).toList(), true);
        document.text("introspection_endpoint", endpoints.introspection());
        if (endpoints.introspection() != null) {
            document.wire("introspection_endpoint_auth_methods_supported",
                    allowed(INTROSPECTION_AUTH_METHODS, settings.introspectionAuthMethods()), true);
        }
        document.text("revocation_endpoint", endpoints.revocation());
        if (endpoints.revocation() != null) {
            document.wire("revocation_endpoint_auth_methods_supported",
                    allowed(REVOCATION_AUTH_METHODS, settings.revocationAuthMethods()), true);
        }
        document.texts("code_challenge_methods_supported",
                authorization.pkceS256Required() ? List.of("S256") : List.of("S256", "plain"), true);
        document.object().put("authorization_response_iss_parameter_supported",
                authorization.responseIssuer() != null);
        document.wire("prompt_values_supported", ordered(Prompt.class,
                authorization.supportedPromptValues()::contains), false);
        document.text("end_session_endpoint", endpoints.endSession());
        return document.object();
    }

    private static List<String> claims(AuthorizationSettings authorization) {
        Set<String> claims = new LinkedHashSet<>(PROTOCOL_CLAIMS);
        if (!authorization.supportedAcrs().isEmpty()) {
            claims.add("acr");
        }
        claims.addAll(authorization.supportedClaims().isEmpty() ? DEFAULT_USER_CLAIMS
                : authorization.supportedClaims());
        return new ArrayList<>(claims);
    }

    /** The implemented methods a service's list allows; all of them when the list is empty. */
    private static List<ClientAuthMethod> allowed(List<ClientAuthMethod> implemented, Set<ClientAuthMethod> listed) {
        return listed.isEmpty() ? implemented : implemented.stream().filter(listed::contains).toList();
    }

    /** The constants that pass {@code filter}, in declaration order, so the document is the same on every call. */
    private static <E extends Enum<E>> List<E> ordered(Class<E> type, Predicate<E> filter) {
        return EnumSet.allOf(type).stream().filter(filter).toList();
    }

    /** Writes members, leaving out absent values. */
    private record Members(ObjectNode object) {
        void text(String name, String value) {
            if (value != null) {
                object.put(name, value);
            }
        }

        /** @param always write the member even when empty (the specifications require it) */
        void texts(String name, Collection<String> values, boolean always) {
            if (always || !values.isEmpty()) {
                ArrayNode array = object.putArray(name);
                values.forEach(array::add);
            }
        }

        void wire(String name, Collection<? extends WireValued> values, boolean always) {
            texts(name, values.stream().map(WireValued::wireValue).toList(), always);
        }
    }
}
