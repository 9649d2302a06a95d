package io.grantsmith.facade.discovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.grantsmith.core.error.Quoted;
import io.grantsmith.core.jose.JwtSigner;
import io.grantsmith.core.model.Service;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.WireJson;
import io.grantsmith.facade.manage.Directory;
import io.grantsmith.facade.manage.ServiceEntry;
import java.util.Objects;
import java.util.Optional;

/**
 * Services' discovery documents (OpenID Provider Metadata, RFC 8414 metadata), for the two faces of Grantsmith:
 * <ul>
 * <li>{@link #configuration}: Authlete's {@code /service/configuration}, for an authorization server front-end
 * that serves the document at its own issuer; the endpoint URLs are those the service document configures
 * ({@code authorizationEndpoint}, ...), and the built-in server's where it configures none;</li>
 * <li>{@link #builtInConfiguration}: the built-in authorization server's document at
 * {@code <public-url>/as/<serviceId>/.well-known/openid-configuration}, every endpoint under that issuer.</li>
 * </ul>
 * Services come from the cached {@link Directory} and algorithms from the signer's cached key sets, so a request
 * (the built-in one is public) costs no store read.
 */
public final class Discovery {
    private final Directory directory;
    private final JwtSigner signer;
    private final PublicUrl publicUrl;

    public Discovery(Directory directory, JwtSigner signer, PublicUrl publicUrl) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.publicUrl = Objects.requireNonNull(publicUrl, "publicUrl");
    }

    /**
     * Authlete's {@code /service/configuration}: the service's discovery document as JSON.
     *
     * @param pretty indent it
     * @param patch  an RFC 6902 JSON Patch to apply before returning it, or null (or empty) for none
     * @throws ApiFailure 404 for an unknown service, 400 ({@link ApiResultCode#PATCH_INVALID}) for a patch that
     *                    cannot be applied
     */
    public String configuration(long serviceId, boolean pretty, String patch) {
        ServiceEntry entry = entry(serviceId);
        Service service = entry.service();
        ProviderEndpoints endpoints = ProviderEndpoints.configured(service.authorization().issuer(), entry.discovery(),
                publicUrl.endpoints(serviceId).orElse(null));
        ObjectNode document = DiscoveryDocument.build(service, entry.discovery(), signer.algorithms(serviceId),
                endpoints);
        if (patch != null && !patch.isEmpty()) {
            document = ConfigurationPatch.apply(document, patch);
        }
        return write(document, pretty);
    }

    /**
     * The built-in authorization server's discovery document for the service, compact JSON.
     *
     * @throws ApiFailure 404 for an unknown service, and 404 ({@link ApiResultCode#ISSUER_NOT_BUILT_IN}) for a
     *                    service whose document names another issuer: a document served here must have the issuer
     *                    it is served under (OpenID Connect Discovery §4.3), and that service's tokens carry the
     *                    other one
     * @throws IllegalStateException when there is no public URL (an embedded Grantsmith whose HTTP listener was
     *                               never reported)
     */
    public String builtInConfiguration(long serviceId) {
        ServiceEntry entry = entry(serviceId);
        ProviderEndpoints endpoints = builtInProvider(entry.service())
                .orElseThrow(() -> new ApiFailure(ApiResultCode.ISSUER_NOT_BUILT_IN, serviceId,
                        Quoted.of(entry.service().authorization().issuer()), builtInIssuer(serviceId)));
        return write(DiscoveryDocument.build(entry.service(), entry.discovery(), signer.algorithms(serviceId),
                endpoints), false);
    }

    /**
     * The built-in authorization server's URLs for a service it acts for: one whose issuer is
     * {@code <public-url>/as/<serviceId>} (its document names none, or names exactly that). Empty for a service whose
     * document names another issuer: its authorization server is elsewhere, and the built-in one would hand out
     * responses and ID tokens with an {@code iss} that its own discovery document could not match.
     *
     * @throws IllegalStateException when there is no public URL
     */
    public Optional<ProviderEndpoints> builtInProvider(Service service) {
        ProviderEndpoints endpoints = publicUrl.endpoints(service.id()).orElseThrow(() -> new IllegalStateException(
                "the built-in authorization server needs a public URL: configure one, or report the listener's"));
        return endpoints.issuer().equals(service.authorization().issuer()) ? Optional.of(endpoints) : Optional.empty();
    }

    private String builtInIssuer(long serviceId) {
        return publicUrl.builtInIssuer(serviceId);
    }

    private ServiceEntry entry(long serviceId) {
        return directory.serviceEntry(serviceId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }

    private static String write(ObjectNode document, boolean pretty) {
        try {
            return pretty ? WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document)
                    : WireJson.mapper().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
