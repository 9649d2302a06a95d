package io.grantsmith.facade.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.Pair;
import io.grantsmith.api.dto.Scope;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Attribute;
import io.grantsmith.core.model.RefreshPolicy;
import io.grantsmith.core.model.ScopeCatalog;
import io.grantsmith.core.model.ScopeDefinition;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.spi.IssuanceLimit;
import io.grantsmith.registry.StoredService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service's stored document: the JSON the caller gave (every member kept, so that settings Grantsmith does
 * not act on yet round-trip), checked, with defaults filled in and without the members the server owns.
 */
public final class ServiceDocuments {
    static final List<String> SERVER_OWNED = List.of("apiKey", "apiSecret", "number", "serviceOwnerNumber",
            "createdAt", "modifiedAt");
    /**
     * Grant types a service supports when its creator does not say: every grant Grantsmith implements, so that a new
     * service runs the built-in provider's code flow (and the Authlete API's) out of the box.
     */
    static final List<GrantType> DEFAULT_GRANT_TYPES = List.of(GrantType.AUTHORIZATION_CODE,
            GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);

    /**
     * The longest token lifetime a service may set: 100 years. Longer is a mistake, and near {@code Long.MAX_VALUE}
     * the expiry time cannot be represented, so every token request of the service would fail.
     */
    static final long MAX_DURATION_SECONDS = Duration.ofDays(36_525).getSeconds();

    private ServiceDocuments() {
    }

    /** The document to store for a create or update request body. */
    static ObjectNode prepare(JsonNode body) {
        ObjectNode document = Documents.object(body);
        SERVER_OWNED.forEach(document::remove);
        io.grantsmith.api.dto.Service service = Documents.bind(document, io.grantsmith.api.dto.Service.class);
        validate(service);
        AuthorizationDocuments.service(document, true);
        if (service.getAccessTokenDuration() == 0) {
            document.put("accessTokenDuration", Service.DEFAULT_ACCESS_TOKEN_DURATION.getSeconds());
        }
        if (service.getRefreshTokenDuration() == 0) {
            document.put("refreshTokenDuration", Service.DEFAULT_REFRESH_TOKEN_DURATION.getSeconds());
        }
        if (service.getAccessTokenType() == null || service.getAccessTokenType().isBlank()) {
            document.put("accessTokenType", "Bearer");
        }
        if (service.getSupportedGrantTypes() == null) {
            ArrayNode grantTypes = document.putArray("supportedGrantTypes");
            DEFAULT_GRANT_TYPES.forEach(grantType -> grantTypes.add(grantType.name()));
        }
        return document;
    }

    /** What the API returns for a service: its document with the server-owned members. */
    static ObjectNode view(StoredService stored, String apiSecret) {
        ObjectNode view = Documents.parse(stored.document());
        view.put("apiKey", stored.id());
        view.put("apiSecret", apiSecret);
        view.put("createdAt", stored.createdAt().toEpochMilli());
        view.put("modifiedAt", stored.modifiedAt().toEpochMilli());
        return view;
    }

    /** The engine's view of a stored service whose issuer is only what its document names. */
    public static Service model(long id, String document) {
        ObjectNode tree = Documents.parse(document);
        return model(id, tree, Documents.bindStored(tree, io.grantsmith.api.dto.Service.class), null);
    }

    /**
     * A stored service as the directory keeps it: the engine's view, whose issuer is its document's {@code issuer}
     * or else {@code defaultIssuer}, and the members only discovery reads.
     *
     * @param defaultIssuer the built-in authorization server's issuer for the service, or null without a public URL
     */
    static ServiceEntry entry(StoredService stored, String defaultIssuer, IssuanceLimit issuance) {
        ObjectNode tree = Documents.parse(stored.document());
        io.grantsmith.api.dto.Service service = Documents.bindStored(tree, io.grantsmith.api.dto.Service.class);
        return new ServiceEntry(model(stored.id(), tree, service, defaultIssuer), stored.apiSecretHash(), issuance,
                DiscoverySettings.of(service));
    }

    private static Service model(long id, ObjectNode tree, io.grantsmith.api.dto.Service service,
            String defaultIssuer) {
        return Service.builder(id)
                .name(service.getServiceName() == null ? "" : service.getServiceName())
                .grantTypes(enumSet(service.getSupportedGrantTypes()))
                .tokenAuthMethods(enumSet(service.getSupportedTokenAuthMethods()))
                .scopes(scopes(service.getSupportedScopes()))
                .accessTokenType(service.getAccessTokenType() == null ? "Bearer" : service.getAccessTokenType())
                .accessTokenDuration(seconds(service.getAccessTokenDuration(), Service.DEFAULT_ACCESS_TOKEN_DURATION))
                .refreshTokenDuration(seconds(service.getRefreshTokenDuration(),
                        Service.DEFAULT_REFRESH_TOKEN_DURATION))
                .refreshPolicy(new RefreshPolicy(service.isRefreshTokenKept(), service.isRefreshTokenDurationKept(),
                        service.isRefreshTokenDurationReset(), service.isRefreshTokenIdempotent()))
                .tokenExpirationLinked(service.isTokenExpirationLinked())
                .scopeRequired(service.isScopeRequired())
                .clientIdAliasEnabled(service.isClientIdAliasEnabled())
                .errorDescriptionOmitted(service.isErrorDescriptionOmitted())
                .errorUriOmitted(service.isErrorUriOmitted())
                .attributes(attributes(service.getAttributes()))
                .unsupportedSettings(UnsupportedSettingReader.read(tree, UnsupportedSettingReader.OF_SERVICES))
                .authorization(AuthorizationDocuments.service(tree, false, defaultIssuer))
                .build();
    }

    private static void validate(io.grantsmith.api.dto.Service service) {
        if (service.getAccessTokenDuration() < 0 || service.getRefreshTokenDuration() < 0) {
            throw Documents.invalid("Token durations must not be negative.");
        }
        if (service.getAccessTokenDuration() > MAX_DURATION_SECONDS
                || service.getRefreshTokenDuration() > MAX_DURATION_SECONDS) {
            throw Documents.invalid("Token durations must not exceed " + MAX_DURATION_SECONDS + " seconds (100 years).");
        }
        if (service.getSupportedScopes() != null) {
            Set<String> names = new HashSet<>();
            for (Scope scope : service.getSupportedScopes()) {
                if (scope == null || !ScopeNames.isValid(scope.getName())) {
                    throw Documents.invalid("Every entry of 'supportedScopes' needs a 'name' made of printable "
                            + "ASCII characters other than space, '\"' and '\\'.");
                }
                if (!names.add(scope.getName())) {
                    throw Documents.invalid("The scope '" + scope.getName() + "' appears twice in 'supportedScopes'.");
                }
            }
        }
        requireKeys(service.getAttributes(), "attributes");
        if (service.getSupportedGrantTypes() != null && Arrays.asList(service.getSupportedGrantTypes()).contains(null)) {
            throw Documents.invalid("The value of 'supportedGrantTypes' contains an unknown grant type.");
        }
        if (service.getSupportedTokenAuthMethods() != null
                && Arrays.asList(service.getSupportedTokenAuthMethods()).contains(null)) {
            throw Documents.invalid("The value of 'supportedTokenAuthMethods' contains an unknown method.");
        }
    }

    static void requireKeys(Pair[] pairs, String member) {
        if (pairs != null) {
            for (Pair pair : pairs) {
                if (pair == null || pair.getKey() == null || pair.getKey().isEmpty()) {
                    throw Documents.invalid("Every entry of '" + member + "' needs a non-empty 'key'.");
                }
            }
        }
    }

    static List<Attribute> attributes(Pair[] pairs) {
        List<Attribute> attributes = new ArrayList<>();
        if (pairs != null) {
            for (Pair pair : pairs) {
                attributes.add(new Attribute(pair.getKey(), pair.getValue()));
            }
        }
        return attributes;
    }

    static <E extends Enum<E>> Set<E> enumSet(E[] values) {
        return values == null ? Set.of()
                : Arrays.stream(values).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    private static ScopeCatalog scopes(Scope[] scopes) {
        List<ScopeDefinition> definitions = new ArrayList<>();
        if (scopes != null) {
            for (Scope scope : scopes) {
                Map<String, String> attributes = new LinkedHashMap<>();
                if (scope.getAttributes() != null) {
                    for (Pair pair : scope.getAttributes()) {
                        if (pair != null && pair.getKey() != null && pair.getValue() != null) {
                            attributes.put(pair.getKey(), pair.getValue());
                        }
                    }
                }
                definitions.add(new ScopeDefinition(scope.getName(), scope.isDefaultEntry(), attributes));
            }
        }
        return ScopeCatalog.of(definitions);
    }

    private static Duration seconds(long seconds, Duration otherwise) {
        return seconds > 0 ? Duration.ofSeconds(seconds) : otherwise;
    }
}
