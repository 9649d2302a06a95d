package io.grantsmith.server.http;

/**
 * Handles the requests of one route. May throw {@link io.grantsmith.facade.access.ApiFailure} for API-level errors.
 *
 * <p>An endpoint may run twice for one request: when its body has not fully arrived, {@link Exchange#body} ends the
 * first run, and the endpoint runs again from the start once the body is complete. So an endpoint changes nothing
 * (no store writes, no response) before it has its body; checks such as authentication are simply repeated.
 */
@FunctionalInterface
public interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}
