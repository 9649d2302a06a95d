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
     * that some route accepts for this path (empty when the path is unknown).
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

    public Match find(String method, String path) {
        String[] segments = Route.split(path);
        Set<String> allowed = new TreeSet<>();
        Route best = null;
        Map<String, String> bestParameters = Map.of();
        int bestLiterals = -1;
        for (int i = 0; i < routes.size(); i++) {
            Route route = routes.get(i);
            Map<String, String> parameters = route.match(patterns.get(i), segments);
            if (parameters == null) {
                continue;
            }
            allowed.add(route.method());
            if (route.method().equals(method)) {
                int literals = segments.length - parameters.size();
                if (literals > bestLiterals) {
                    best = route;
                    bestParameters = parameters;
                    bestLiterals = literals;
                }
            }
        }
        return new Match(best, bestParameters, allowed);
    }
}
