package io.grantsmith.facade.manage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.api.dto.ClientExtension;
import io.grantsmith.api.types.ClientAuthMethod;
import io.grantsmith.api.types.ClientType;
import io.grantsmith.api.types.GrantType;
import io.grantsmith.core.model.Client;
import io.grantsmith.registry.StoredClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A client's stored document: the JSON the caller gave, checked, with defaults filled in and without the
 * members the server owns (the ID, the secret, which is stored sealed beside the document, and timestamps).
 */
public final class ClientDocuments {
    static final List<String> SERVER_OWNED = List.of("clientId", "clientSecret", "number", "serviceNumber",
            "createdAt", "modifiedAt");
    static final int MAX_ALIAS_LENGTH = Client.MAX_ALIAS_LENGTH;

    private ClientDocuments() {
    }

    /** A checked client document, ready to store, and the facts the registry indexes. */
    record Prepared(ObjectNode document, String alias, ClientType type) {
    }

    /**
     * Grant types a client may use when its document does not say: the code flow with refresh (RFC 7591 §2 defaults to
     * {@code authorization_code}; refresh lets an OpenID Connect client keep its session). Client credentials and
     * the password grant must be asked for.
     */
    static final List<GrantType> DEFAULT_GRANT_TYPES = List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

    static Prepared prepare(JsonNode body) {
        ObjectNode document = Documents.object(body);
        SERVER_OWNED.forEach(document::remove);
        io.grantsmith.api.dto.Client client = Documents.bind(document, io.grantsmith.api.dto.Client.class);
        validate(client);
        AuthorizationDocuments.client(document, true);
        ClientType type = typeOf(client);
        document.put("clientType", type.name());
        if (client.getTokenAuthMethod() == null) {
            document.put("tokenAuthMethod", authMethodOf(client).name());
        }
        if (client.getGrantTypes() == null) {
            ArrayNode grantTypes = document.putArray("grantTypes");
            DEFAULT_GRANT_TYPES.forEach(grantType -> grantTypes.add(grantType.name()));
        }
        String alias = client.getClientIdAlias();
        if (alias != null && alias.isEmpty()) {
            alias = null;
            document.putNull("clientIdAlias");
        }
        return new Prepared(document, alias, type);
    }

    /** What the API returns for a client: its document with the server-owned members and its secret. */
    static ObjectNode view(StoredClient stored) {
        ObjectNode view = Documents.parse(stored.document());
        view.put("clientId", stored.clientId());
        view.put("clientSecret", stored.secret() == null ? null : stored.secret().reveal());
        view.put("createdAt", stored.createdAt().toEpochMilli());
        view.put("modifiedAt", stored.modifiedAt().toEpochMilli());
        return view;
    }

    /** The engine's view of a stored client. */
    public static Client model(StoredClient stored) {
        ObjectNode tree = Documents.parse(stored.document());
        io.grantsmith.api.dto.Client client = Documents.bindStored(tree, io.grantsmith.api.dto.Client.class);
        ClientType type = typeOf(client);
        ClientAuthMethod method = authMethodOf(client);
        ClientExtension extension = client.getExtension() != null ? client.getExtension() : new ClientExtension();
        return new Client(stored.serviceId(), stored.clientId(), stored.alias(), client.isClientIdAliasEnabled(), type,
                method, stored.secret(), ServiceDocuments.enumSet(client.getGrantTypes()),
                extension.isRequestableScopesEnabled(),
                extension.getRequestableScopes() == null ? Set.of() : Set.copyOf(Arrays.asList(extension.getRequestableScopes())),
                Duration.ofSeconds(Math.max(0, extension.getAccessTokenDuration())),
                Duration.ofSeconds(Math.max(0, extension.getRefreshTokenDuration())),
                client.isLocked(), ServiceDocuments.attributes(client.getAttributes()),
                UnsupportedSettingReader.read(tree, UnsupportedSettingReader.OF_CLIENTS),
                AuthorizationDocuments.client(tree, false));
    }

    /** The client's type; confidential when the document does not say. */
    private static ClientType typeOf(io.grantsmith.api.dto.Client client) {
        return client.getClientType() == null ? ClientType.CONFIDENTIAL : client.getClientType();
    }

    /** The client's token auth method; when the document does not say, what its type implies. */
    private static ClientAuthMethod authMethodOf(io.grantsmith.api.dto.Client client) {
        if (client.getTokenAuthMethod() != null) {
            return client.getTokenAuthMethod();
        }
        return typeOf(client) == ClientType.PUBLIC ? ClientAuthMethod.NONE : ClientAuthMethod.CLIENT_SECRET_BASIC;
    }

    private static void validate(io.grantsmith.api.dto.Client client) {
        String alias = client.getClientIdAlias();
        if (alias != null && !alias.isEmpty()) {
            if (alias.length() > MAX_ALIAS_LENGTH || !isVisibleAscii(alias)) {
                throw Documents.invalid("The value of 'clientIdAlias' must be 1 to " + MAX_ALIAS_LENGTH
                        + " printable ASCII characters without spaces.");
            }
            if (alias.chars().allMatch(Character::isDigit)) {
                throw Documents.invalid("The value of 'clientIdAlias' must not consist of digits only: "
                        + "it would be mistaken for a client ID.");
            }
        }
        if (client.getGrantTypes() != null && Arrays.asList(client.getGrantTypes()).contains(null)) {
            throw Documents.invalid("The value of 'grantTypes' contains an unknown grant type.");
        }
        ServiceDocuments.requireKeys(client.getAttributes(), "attributes");
        ClientExtension extension = client.getExtension();
        if (extension != null) {
            if (extension.getAccessTokenDuration() < 0 || extension.getRefreshTokenDuration() < 0) {
                throw Documents.invalid("Token durations in 'extension' must not be negative.");
            }
            if (extension.getRequestableScopes() != null && Arrays.stream(extension.getRequestableScopes())
                    .anyMatch(scope -> !ScopeNames.isValid(scope))) {
                throw Documents.invalid("Every entry of 'extension.requestableScopes' must be a valid scope name.");
            }
        }
    }

    private static boolean isVisibleAscii(String value) {
        return value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }
}
