package io.grantsmith.server.http;

/** Handles the requests of one route. May throw {@link io.grantsmith.facade.access.ApiFailure} for API-level errors. */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}
