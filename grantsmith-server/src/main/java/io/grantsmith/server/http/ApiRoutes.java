package io.grantsmith.server.http;

/**
 * Adds one Authlete API on both of its paths: v3 ({@code /api/{serviceId}/…}, Bearer: the admin token or that
 * service's API secret) and v2 ({@code /api/…}, Basic: the service's API key and secret). The handler receives the
 * service the caller was authenticated for, so no endpoint can forget the check or pair a path with the wrong one.
 */
final class ApiRoutes {
    static final String V3_PREFIX = "/api/{serviceId}";
    static final String V2_PREFIX = "/api";

    /** An API handler, called once the caller may act on {@code serviceId}. */
    @FunctionalInterface
    interface ServiceEndpoint {
        void handle(Exchange exchange, long serviceId) throws Exception;
    }

    private final Router router;
    private final ApiAuthentication authentication;

    ApiRoutes(Router router, ApiAuthentication authentication) {
        this.router = router;
        this.authentication = authentication;
    }

    /** {@code POST} on both paths of {@code apiName}, which is also the path below the prefix. */
    ApiRoutes post(String apiName, ServiceEndpoint endpoint) {
        return add("POST", apiName, endpoint);
    }

    /** {@code method} on both paths of {@code apiName}, which is also the path below the prefix. */
    ApiRoutes add(String method, String apiName, ServiceEndpoint endpoint) {
        return add(method, apiName, apiName, endpoint);
    }

    /**
     * {@code method} on both paths.
     *
     * @param path    the path below the prefix; it may capture more ({@code /client/get/{clientId}})
     * @param apiName the path Authlete names in its messages ({@code /client/get})
     */
    ApiRoutes add(String method, String path, String apiName, ServiceEndpoint endpoint) {
        router.add(new Route(method, V3_PREFIX + path, apiName,
                exchange -> endpoint.handle(exchange, authentication.v3Service(exchange))));
        router.add(new Route(method, V2_PREFIX + path, apiName,
                exchange -> endpoint.handle(exchange, authentication.v2Service(exchange))));
        return this;
    }
}
