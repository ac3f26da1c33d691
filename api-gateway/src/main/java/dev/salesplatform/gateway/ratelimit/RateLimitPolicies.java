package dev.salesplatform.gateway.ratelimit;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.routing.PrefixTable;

/**
 * Which limit applies to a request: a route's own limit first (the most specific prefix), else the
 * most generous limit among the caller's roles, else the default.
 */
public final class RateLimitPolicies {

    private final RateLimitPolicy defaultPolicy;
    private final Map<String, RateLimitPolicy> byRole = new LinkedHashMap<>();
    private final PrefixTable<RateLimitPolicy> byRoute;

    public RateLimitPolicies(GatewayConfig.RateLimits config) {
        defaultPolicy = policy("default", config.defaultLimit());
        config.roles().forEach((role, limit) -> byRole.put(role, policy("role:" + role, limit)));
        Map<String, RateLimitPolicy> routes = new LinkedHashMap<>();
        config.routes().forEach((name, limit) -> {
            if (routes.put(limit.prefix(), policy("route:" + name, limit)) != null) {
                throw new IllegalArgumentException("Rate limit routes: prefix configured twice: " + limit.prefix());
            }
        });
        byRoute = new PrefixTable<>(routes);
    }

    public RateLimitPolicy policyFor(String path, Collection<String> roles) {
        Optional<RateLimitPolicy> route = byRoute.find(path);
        if (route.isPresent()) {
            return route.get();
        }
        return roles.stream()
                .map(byRole::get)
                .filter(policy -> policy != null)
                .max(Comparator.comparingLong(RateLimitPolicy::refillPerSecond)
                        .thenComparingLong(RateLimitPolicy::capacity))
                .orElse(defaultPolicy);
    }

    private static RateLimitPolicy policy(String name, GatewayConfig.Limit limit) {
        return new RateLimitPolicy(name, limit.capacity(), limit.refillPerSecond());
    }
}
