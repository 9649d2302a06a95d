package io.grantsmith.server.http;

import io.grantsmith.api.dto.IntrospectionRequest;
import io.grantsmith.api.dto.IntrospectionResponse;
import io.grantsmith.api.dto.RevocationRequest;
import io.grantsmith.api.dto.RevocationResponse;
import io.grantsmith.api.dto.StandardIntrospectionRequest;
import io.grantsmith.api.dto.StandardIntrospectionResponse;
import io.grantsmith.facade.introspection.IntrospectionApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Introspection and revocation over HTTP: Authlete's {@code /auth/introspection}, {@code /auth/introspection/standard}
 * and {@code /auth/revocation} on v3 paths ({@code /api/{serviceId}/…}, Bearer) and v2 paths ({@code /api/…}, Basic),
 * each a processed call answered with HTTP 200 and its {@code action}; and the built-in authorization server's
 * {@code POST /as/{serviceId}/introspect} (RFC 7662, confidential clients only) and {@code POST /as/{serviceId}/revoke}
 * (RFC 7009), both client-authenticated as at the token endpoint ({@code client_secret_basic},
 * {@code client_secret_post}; a public client revokes its tokens naming itself with {@code client_id}).
 */
final class IntrospectionEndpoints {
    /** An introspection or revocation request carries a token and client credentials. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final Set<String> INTROSPECTION_ARRAYS = Set.of("scopes", "resources", "acrValues",
            "requiredComponents");
    private static final Set<String> REVOCATION_ARRAYS = Set.of("clientCertificatePath");

    private final IntrospectionApi api;
    private final ApiAuthentication authentication;

    IntrospectionEndpoints(IntrospectionApi api, ApiAuthentication authentication) {
        this.api = api;
        this.authentication = authentication;
    }

    void register(Router router) {
        new ApiRoutes(router, authentication)
                .post("/auth/introspection", (exchange, serviceId) -> {
                    IntrospectionRequest request = ApiBodies.read(exchange, IntrospectionRequest.class,
                            INTROSPECTION_ARRAYS);
                    exchange.sendJsonNoStore(200, ApiBodies.write(api.introspection(serviceId, request)));
                })
                .post("/auth/introspection/standard", (exchange, serviceId) -> {
                    StandardIntrospectionRequest request = ApiBodies.read(exchange,
                            StandardIntrospectionRequest.class, Set.of());
                    exchange.sendJsonNoStore(200, ApiBodies.write(api.standard(serviceId, request)));
                })
                .post("/auth/revocation", (exchange, serviceId) -> {
                    RevocationRequest request = ApiBodies.read(exchange, RevocationRequest.class, REVOCATION_ARRAYS);
                    exchange.sendJsonNoStore(200, ApiBodies.write(api.revocation(serviceId, request)));
                });
        router.add(new Route("POST", "/as/{serviceId}/introspect", "/as/introspect", this::introspect));
        router.add(new Route("POST", "/as/{serviceId}/revoke", "/as/revoke", this::revoke));
    }

    private void introspect(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        Optional<ClientRequest> request = ClientRequest.read(exchange, "introspection");
        if (request.isEmpty()) {
            return;
        }
        ClientRequest client = request.get();
        Optional<IntrospectionApi.CallerRefusal> refusal = api.introspectorRefusal(serviceId, client.parameters(),
                client.id(), client.secret());
        if (refusal.isPresent()) {
            send(exchange, IntrospectionHandling.of(refusal.get().kind()), refusal.get().responseContent(),
                    client.usedHeader());
            return;
        }
        StandardIntrospectionResponse response = api.standard(serviceId,
                new StandardIntrospectionRequest().setParameters(client.parameters()));
        send(exchange, IntrospectionHandling.of(response.getAction()), response.getResponseContent(), false);
    }

    private void revoke(Exchange exchange) {
        long serviceId = ApiAuthentication.serviceIdOf(exchange);
        Optional<ClientRequest> request = ClientRequest.read(exchange, "revocation");
        if (request.isEmpty()) {
            return;
        }
        ClientRequest client = request.get();
        RevocationResponse response = api.revocation(serviceId, new RevocationRequest()
                .setParameters(client.parameters()).setClientId(client.id()).setClientSecret(client.secret()));
        send(exchange, IntrospectionHandling.of(response.getAction()), response.getResponseContent(),
                client.usedHeader());
    }

    private static void send(Exchange exchange, IntrospectionHandling handling, String content, boolean usedHeader) {
        switch (handling) {
            case SEND_JSON, SEND_BAD_REQUEST, SEND_SERVER_ERROR -> exchange.sendJsonNoStore(handling.status(),
                    content.getBytes(StandardCharsets.UTF_8));
            case SEND_JWT -> exchange.send(200, "application/token-introspection+jwt",
                    content.getBytes(StandardCharsets.UTF_8), HttpHeader.CACHE_CONTROL.asString(), "no-store");
            case SEND_EMPTY -> exchange.send(200, null, new byte[0], HttpHeader.CACHE_CONTROL.asString(), "no-store",
                    HttpHeader.PRAGMA.asString(), "no-cache");
            case SEND_INVALID_CLIENT -> {
                // RFC 6749 §5.2: a client that authenticated with the Authorization header gets 401 and a challenge
                if (usedHeader) {
                    exchange.sendJsonNoStore(401, content.getBytes(StandardCharsets.UTF_8),
                            HttpHeader.WWW_AUTHENTICATE.asString(), AuthorizationServerEndpoint.REALM_CHALLENGE);
                } else {
                    exchange.sendJsonNoStore(400, content.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /**
     * The form body and the Basic credentials of a client's request to the built-in server. Empty (and answered)
     * when the request is not a form or its Authorization header is not usable.
     */
    private record ClientRequest(String parameters, String id, String secret, boolean usedHeader) {
        static Optional<ClientRequest> read(Exchange exchange, String what) {
            if (!MediaTypes.FORM.equals(MediaTypes.essence(exchange.header(HttpHeader.CONTENT_TYPE)))) {
                refuse(exchange, 400, "invalid_request",
                        "The " + what + " request must be sent as application/x-www-form-urlencoded.");
                return Optional.empty();
            }
            int authorizations = exchange.headerCount(HttpHeader.AUTHORIZATION);
            if (authorizations > 1) {
                refuse(exchange, 400, "invalid_request", "The request has more than one Authorization header.");
                return Optional.empty();
            }
            String parameters = new String(exchange.body(MAX_BODY_BYTES), StandardCharsets.UTF_8);
            if (authorizations == 0) {
                return Optional.of(new ClientRequest(parameters, null, null, false));
            }
            AuthorizationHeader.Basic basic = AuthorizationHeader.basic(exchange.header(HttpHeader.AUTHORIZATION), true);
            if (basic == null) {
                refuse(exchange, 401, "invalid_client", "The Authorization header must carry HTTP Basic client "
                        + "credentials.");
                return Optional.empty();
            }
            return Optional.of(new ClientRequest(parameters, basic.user(), basic.password(), true));
        }

        private static void refuse(Exchange exchange, int status, String error, String description) {
            String[] challenge = status == 401 ? new String[] {HttpHeader.WWW_AUTHENTICATE.asString(),
                    AuthorizationServerEndpoint.REALM_CHALLENGE} : new String[0];
            exchange.sendJsonNoStore(status, ErrorBodies.oauth(error, description), challenge);
        }
    }
}
