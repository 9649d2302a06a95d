package io.grantsmith.facade.manage;

import com.fasterxml.jackson.databind.JsonNode;
import io.grantsmith.api.types.ApplicationType;
import io.grantsmith.api.types.Display;
import io.grantsmith.api.types.Prompt;
import io.grantsmith.api.types.ResponseMode;
import io.grantsmith.api.types.ResponseType;
import io.grantsmith.api.types.SubjectType;
import io.grantsmith.core.model.AuthorizationSettings;
import io.grantsmith.core.model.ClientMetadata;
import io.grantsmith.core.model.IdTokenAudType;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the authorization-endpoint and OpenID Connect settings from a service or client document, under
 * Authlete's member names. A member that is absent or {@code null} takes its default (see
 * {@link AuthorizationSettings} and {@link ClientMetadata}).
 *
 * <p>A document being stored is checked strictly: a member of the wrong type or with an unknown value is refused
 * with a message naming it. A stored document is read leniently, such a member taking its default instead: a
 * document stored before Grantsmith read these members may hold anything in them, and refusing to read it would
 * break the token endpoint of its service or client, which does not use them.</p>
 */
final class AuthorizationDocuments {
    private AuthorizationDocuments() {
    }

    /** @param strict refuse wrong members (a document to store) rather than read them as absent (a stored one) */
    static AuthorizationSettings service(JsonNode document, boolean strict) {
        return service(document, strict, null);
    }

    /**
     * @param strict        refuse wrong members (a document to store) rather than read them as absent (a stored one)
     * @param defaultIssuer the issuer of a service whose document names none (the built-in authorization server's,
     *                      {@code <public-url>/as/<serviceId>}), or null when there is no public URL
     */
    static AuthorizationSettings service(JsonNode document, boolean strict, String defaultIssuer) {
        Members members = new Members(document, strict);
        String issuer = members.string("issuer");
        if (issuer != null && !isIssuer(issuer)) {
            issuer = members.refuse("issuer", "an http or https URL without query and fragment", null);
        }
        if (issuer == null || issuer.isEmpty()) {
            issuer = defaultIssuer;
        }
        AuthorizationSettings.Builder settings = AuthorizationSettings.builder()
                .issuer(issuer)
                .pkceRequired(members.bool("pkceRequired"))
                .pkceS256Required(members.bool("pkceS256Required"))
                .loopbackRedirectionUriVariable(members.bool("loopbackRedirectionUriVariable"))
                .acrs(members.strings("supportedAcrs"))
                .claims(members.strings("supportedClaims"))
                .uiLocales(members.strings("supportedUiLocales"))
                .claimLocales(members.strings("supportedClaimLocales"))
                .issSuppressed(members.bool("issSuppressed"))
                .claimShortcutRestrictive(members.bool("claimShortcutRestrictive"))
                .parRequired(members.bool("parRequired"))
                .requestObjectRequired(members.bool("requestObjectRequired"))
                .idTokenReissuable(members.bool("idTokenReissuable"));
        if (members.present("supportedResponseTypes")) {
            settings.responseTypes(members.enums("supportedResponseTypes", ResponseType.class));
        }
        if (members.present("supportedPromptValues")) {
            settings.promptValues(members.enums("supportedPromptValues", Prompt.class));
        }
        if (members.present("supportedDisplays")) {
            settings.displays(members.enums("supportedDisplays", Display.class));
        }
        long codeDuration = members.duration("authorizationCodeDuration");
        if (codeDuration > 0) {
            settings.authorizationCodeDuration(Duration.ofSeconds(codeDuration));
        }
        long idTokenDuration = members.duration("idTokenDuration");
        if (idTokenDuration > 0) {
            settings.idTokenDuration(Duration.ofSeconds(idTokenDuration));
        }
        String audType = members.string("idTokenAudType");
        if (audType != null) {
            IdTokenAudType type = IdTokenAudType.fromWireValue(audType);
            settings.idTokenAudType(type != null ? type
                    : members.refuse("idTokenAudType", "\"array\", \"string\" or null", IdTokenAudType.ARRAY));
        }
        return settings.build();
    }

    /** @param strict refuse wrong members (a document to store) rather than read them as absent (a stored one) */
    static ClientMetadata client(JsonNode document, boolean strict) {
        Members members = new Members(document, strict);
        List<String> redirectUris = members.strings("redirectUris");
        // A stored URI that is not absolute or has a fragment can never equal a request's redirect_uri, which is
        // checked for both first; keeping it when reading leniently is harmless.
        if (redirectUris.stream().anyMatch(uri -> !isRedirectUri(uri))) {
            members.refuse("redirectUris", "an array of absolute URIs without fragments", null);
        }
        List<String> postLogoutRedirectUris = members.strings("postLogoutRedirectUris");
        if (postLogoutRedirectUris.stream().anyMatch(uri -> !isRedirectUri(uri))) {
            members.refuse("postLogoutRedirectUris", "an array of absolute URIs without fragments", null);
        }
        ClientMetadata.Builder metadata = ClientMetadata.builder()
                .clientName(members.string("clientName"))
                .redirectUris(redirectUris)
                .postLogoutRedirectUris(postLogoutRedirectUris)
                .responseModes(members.enums("responseModes", ResponseMode.class))
                .applicationType(members.enumValue("applicationType", ApplicationType.class))
                .pkceRequired(members.bool("pkceRequired"))
                .pkceS256Required(members.bool("pkceS256Required"))
                .defaultMaxAge(members.nonNegativeInt("defaultMaxAge"))
                .defaultAcrs(members.strings("defaultAcrs"))
                .authTimeRequired(members.bool("authTimeRequired"))
                .sectorIdentifierUri(members.string("sectorIdentifierUri"))
                .parRequired(members.bool("parRequired"))
                .requestObjectRequired(members.bool("requestObjectRequired"));
        if (members.present("responseTypes")) {
            metadata.responseTypes(members.enums("responseTypes", ResponseType.class));
        }
        SubjectType subjectType = members.enumValue("subjectType", SubjectType.class);
        if (subjectType != null) {
            metadata.subjectType(subjectType);
        }
        String idTokenSignAlg = members.string("idTokenSignAlg");
        if (idTokenSignAlg != null && !idTokenSignAlg.isEmpty()) {
            metadata.idTokenSignAlg(idTokenSignAlg);
        } else if (idTokenSignAlg != null) {
            members.refuse("idTokenSignAlg", "a JWS algorithm name", null);
        }
        String userInfoSignAlg = members.string("userInfoSignAlg");
        if (userInfoSignAlg != null && !userInfoSignAlg.isEmpty()) {
            metadata.userInfoSignAlg(userInfoSignAlg);
        }
        return metadata.build();
    }

    /**
     * An issuer identifier (RFC 8414 §2): an absolute URL without query or fragment; https, or http for
     * development on one machine.
     */
    private static boolean isIssuer(String issuer) {
        URI uri = uri(issuer);
        return uri != null && uri.isAbsolute() && uri.getRawAuthority() != null && uri.getRawQuery() == null
                && uri.getRawFragment() == null && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
    }

    /** A redirection URI (RFC 6749 §3.1.2): absolute, without a fragment. */
    private static boolean isRedirectUri(String redirectUri) {
        URI uri = uri(redirectUri);
        return uri != null && uri.isAbsolute() && uri.getRawFragment() == null;
    }

    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** Typed access to a document's members; {@code null} and absent are the same. */
    private record Members(JsonNode document, boolean strict) {
        /** Refuses a wrong member when checking strictly; else reads it as {@code fallback}. */
        <T> T refuse(String name, String expected, T fallback) {
            if (strict) {
                throw Documents.invalid("The value of '" + name + "' must be " + expected + ".");
            }
            return fallback;
        }

        boolean present(String name) {
            JsonNode node = document.get(name);
            return node != null && !node.isNull();
        }

        String string(String name) {
            if (!present(name)) {
                return null;
            }
            JsonNode node = document.get(name);
            return node.isTextual() ? node.textValue() : refuse(name, "a string", null);
        }

        boolean bool(String name) {
            if (!present(name)) {
                return false;
            }
            JsonNode node = document.get(name);
            return node.isBoolean() ? node.booleanValue() : refuse(name, "true or false", false);
        }

        /** A number of seconds within the longest lifetime a service may set; 0 when absent. */
        long duration(String name) {
            if (!present(name)) {
                return 0;
            }
            JsonNode node = document.get(name);
            if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0
                    || node.longValue() > ServiceDocuments.MAX_DURATION_SECONDS) {
                return refuse(name, "a number of seconds from 0 to " + ServiceDocuments.MAX_DURATION_SECONDS, 0L);
            }
            return node.longValue();
        }

        int nonNegativeInt(String name) {
            if (!present(name)) {
                return 0;
            }
            JsonNode node = document.get(name);
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
                return refuse(name, "a non-negative integer", 0);
            }
            return node.intValue();
        }

        List<String> strings(String name) {
            List<String> values = new ArrayList<>();
            if (!present(name)) {
                return values;
            }
            JsonNode node = document.get(name);
            if (!node.isArray()) {
                return refuse(name, "an array of strings", values);
            }
            for (JsonNode element : node) {
                if (element.isTextual()) {
                    values.add(element.textValue());
                } else {
                    refuse(name, "an array of strings", null);
                }
            }
            return values;
        }

        <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
            Set<E> values = EnumSet.noneOf(type);
            for (String value : strings(name)) {
                E constant = constant(type, value);
                if (constant != null) {
                    values.add(constant);
                } else {
                    refuse(name, "an array of " + EnumSet.allOf(type), null);
                }
            }
            return values;
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String value = string(name);
            if (value == null) {
                return null;
            }
            E constant = constant(type, value);
            return constant != null ? constant : refuse(name, "one of " + EnumSet.allOf(type) + " or null", null);
        }

        private static <E extends Enum<E>> E constant(Class<E> type, String value) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            return null;
        }
    }
}
