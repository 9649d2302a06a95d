package io.grantsmith.facade.introspection;

import io.grantsmith.api.dto.ApiResponse;
import io.grantsmith.api.dto.IntrospectionRequest;
import io.grantsmith.api.dto.IntrospectionResponse;
import io.grantsmith.api.dto.RevocationRequest;
import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.StandardIntrospectionRequest;
import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.core.error.FailureKind;
import io.grantsmith.core.error.ResultMessage;
import io.grantsmith.core.introspection.IntrospectorAuthentication;
import io.grantsmith.core.introspection.AccessTokenIntrospector;
import io.grantsmith.core.introspection.Introspection;
import io.grantsmith.core.introspection.IntrospectionAction;
import io.grantsmith.core.introspection.IntrospectionQuery;
import io.grantsmith.core.introspection.StandardIntrospection;
import io.grantsmith.core.introspection.StandardIntrospector;
import io.grantsmith.core.model.AccessTokenRecord;
import io.grantsmith.core.model.Client;
import io.grantsmith.core.model.GrantRecord;
import io.grantsmith.core.model.Service;
import io.grantsmith.core.revocation.Revocation;
import io.grantsmith.core.revocation.TokenRevoker;
import io.grantsmith.facade.access.ApiFailure;
import io.grantsmith.facade.access.ApiResultCode;
import io.grantsmith.facade.json.ResponseContent;
import io.grantsmith.facade.manage.Directory;
import io.grantsmith.facade.manage.DiscoverySettings;
import io.grantsmith.facade.manage.ServiceEntry;
import io.grantsmith.facade.token.WireValues;
import io.grantsmith.facade.userinfo.BearerChallenge;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Authlete's {@code /auth/introspection} (for the authorization server's own resource servers),
 * {@code /auth/introspection/standard} (RFC 7662) and {@code /auth/revocation} (RFC 7009) for one service.
 */
public final class IntrospectionApi {
    private final Directory directory;
    private final AccessTokenIntrospector introspector;
    private final StandardIntrospector standard;
    private final IntrospectorAuthentication introspectors;
    private final TokenRevoker revoker;
    private final ResponseContent content;
    private final BearerChallenge challenges;
    private final IntrospectionBody bodies = new IntrospectionBody();

    public IntrospectionApi(Directory directory, AccessTokenIntrospector introspector, StandardIntrospector standard,
            IntrospectorAuthentication introspectors, TokenRevoker revoker, ResponseContent content) {
        this.directory = directory;
        this.introspector = introspector;
        this.standard = standard;
        this.introspectors = introspectors;
        this.revoker = revoker;
        this.content = content;
        this.challenges = new BearerChallenge(content.errorUriBase());
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public IntrospectionResponse introspection(long serviceId, IntrospectionRequest request) {
        Service service = service(serviceId);
        Introspection answer = introspector.introspect(service, new IntrospectionQuery(request.getToken(),
                list(request.getScopes()), request.getSubject(), list(request.getResources()),
                list(request.getAcrValues()), request.getMaxAge()));
        IntrospectionResponse response = new IntrospectionResponse()
                .setAction(action(answer.action()))
                .setResponseContent(challenges.of(service, answer.error(), answer.result()))
                .setExistent(answer.existent())
                .setUsable(answer.usable())
                .setSufficient(answer.sufficient())
                .setRefreshable(answer.refreshable());
        result(response, answer.result());
        AccessTokenRecord token = answer.token();
        if (token != null) {
            response.setClientId(token.clientId())
                    .setClientIdAliasUsed(token.clientIdAliasUsed())
                    .setSubject(token.subject())
                    .setScopes(WireValues.scopes(token.scopes()))
                    .setExpiresAt(token.expiresAt().toEpochMilli())
                    .setProperties(WireValues.properties(token.properties()))
                    .setAccessTokenResources(WireValues.strings(token.resources()))
                    .setGrantType(token.grantType())
                    .setServiceAttributes(WireValues.attributes(service.attributes()));
        }
        Client client = answer.client();
        if (client != null) {
            response.setClientIdAlias(client.alias()).setClientAttributes(WireValues.attributes(client.attributes()));
        }
        GrantRecord grant = answer.grant();
        if (grant != null) {
            response.setResources(WireValues.strings(grant.resources()))
                    .setGrantType(grant.grantType())
                    .setAcr(grant.acr())
                    .setConsentedClaims(grant.consentedClaims() == null ? null
                            : grant.consentedClaims().toArray(String[]::new))
                    .setAuthTime(grant.authTime() == null ? 0 : grant.authTime().getEpochSecond());
        } else if (token != null) {
            response.setResources(WireValues.strings(token.resources()));
        }
        return response;
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public StandardIntrospectionResponse standard(long serviceId, StandardIntrospectionRequest request) {
        Service service = service(serviceId);
        StandardIntrospection answer = standard.introspect(service, request.getParameters(), request.getRsUri());
        StandardIntrospectionResponse response = new StandardIntrospectionResponse().setAction(answer.action());
        result(response, answer.result());
        if (answer instanceof StandardIntrospection.Active active) {
            return response.setResponseContent(bodies.active(service, active.token(),
                    request.isWithHiddenProperties()));
        }
        if (answer instanceof StandardIntrospection.Refused refused) {
            return response.setResponseContent(content.error(service, refused.error()));
        }
        return response.setResponseContent(IntrospectionBody.INACTIVE);
    }

    /**
     * For the built-in introspection endpoint: whether the caller may introspect (RFC 7662 §2.1) — a confidential
     * client of the service authenticated as at the token endpoint. Empty when it may; otherwise the refusal with
     * its error body in the service's format.
     *
     * @throws ApiFailure 404 when the service does not exist
     */
    public Optional<CallerRefusal> introspectorRefusal(long serviceId, String parameters, String headerId,
            String headerSecret) {
        Service service = service(serviceId);
        return introspectors.refusal(service, settings(serviceId).introspectionAuthMethods(), parameters, headerId,
                headerSecret)
                .map(refusal -> new CallerRefusal(refusal.kind(), content.error(service, refusal.error())));
    }

    /** Why a caller was refused: {@code kind} says which status, {@code responseContent} is the error body. */
    public record CallerRefusal(FailureKind kind, String responseContent) {
    }

    /** @throws ApiFailure 404 when the service does not exist */
    public RevocationResponse revocation(long serviceId, RevocationRequest request) {
        Service service = service(serviceId);
        Revocation answer = revoker.revoke(service, settings(serviceId).revocationAuthMethods(),
                request.getParameters(), request.getClientId(), request.getClientSecret());
        RevocationResponse response = new RevocationResponse().setAction(answer.action());
        result(response, answer.result());
        if (answer instanceof Revocation.Refused refused) {
            response.setResponseContent(content.error(service, refused.error()));
        }
        return response; // OK: no content (Authlete's is null unless JSONP was asked for, which is not supported)
    }

    private static IntrospectionResponse.Action action(IntrospectionAction action) {
        return switch (action) {
            case OK -> IntrospectionResponse.Action.OK;
            case BAD_REQUEST -> IntrospectionResponse.Action.BAD_REQUEST;
            case UNAUTHORIZED -> IntrospectionResponse.Action.UNAUTHORIZED;
            case FORBIDDEN -> IntrospectionResponse.Action.FORBIDDEN;
            case INTERNAL_SERVER_ERROR -> IntrospectionResponse.Action.INTERNAL_SERVER_ERROR;
        };
    }

    private static List<String> list(String[] values) {
        return values == null ? null : Arrays.asList(values);
    }

    private static void result(ApiResponse response, ResultMessage result) {
        response.setResultCode(result.code().code());
        response.setResultMessage(result.formatted());
    }

    /** The service's endpoint settings ({@code supportedRevocationAuthMethods}, ...), as discovery advertises them. */
    private DiscoverySettings settings(long serviceId) {
        return directory.serviceEntry(serviceId).map(ServiceEntry::discovery).orElse(DiscoverySettings.NONE);
    }

    private Service service(long serviceId) {
        return directory.findService(serviceId)
                .orElseThrow(() -> new ApiFailure(ApiResultCode.SERVICE_NOT_FOUND, serviceId));
    }
}
