package io.grantsmith.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds the route for a request. Routes with literal segments are tried before routes that capture the same
 * position (so {@code /api/service/create} wins over {@code /api/{serviceId}/...}). A path that matches only
 * routes of other methods is reported as such, so the edge can answer 405 rather than 404.
 */
public final class Router {
    /**
     * The result of a lookup: a route and its path parameters, or none; {@code allowedMethods} are the methods
     * that some route accepts for this path (empty when the path is unknown; only the request's own method when
     * a route was found).
     */
    public record Match(Route route, Map<String, String> parameters, Set<String> allowedMethods) {
    }

    private final List<Route> routes = new ArrayList<>();
    private final List<String[]> patterns = new ArrayList<>();

    public Router add(Route route) {
        routes.add(route);
        patterns.add(route.segments());
        return this;
    }

    /** Every route added, in order (the OpenAPI document's test compares them with the document). */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public Match find(String method, String path) {
        String[] segments = Route.split(path);
        Route best = null;
        Map<String, String> bestParameters = Map.of();
        int bestLiterals = -1;
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = route.match(patterns.get(i), segments);
            if (parameters != null && segments.length - parameters.size() > bestLiterals) {
                best = route;
                bestParameters = parameters;
                bestLiterals = segments.length - parameters.size();
            }
        }
        return new Match(best, bestParameters, best == null ? allowedMethods(segments) : Set.of(method));
    }

    /** The methods some route accepts for this path; worked out only for requests that found no route. */
    private Set<String> allowedMethods(String[] segments) {
        Set<String> allowed = new TreeSet<>();
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).match(patterns.get(i), segments) != null) {
                allowed.add(routes.get(i).method());
            }
        }
        return allowed;
    }
}
