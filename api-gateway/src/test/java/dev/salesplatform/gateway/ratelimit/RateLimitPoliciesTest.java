package dev.salesplatform.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.salesplatform.gateway.config.GatewayConfig;

class RateLimitPoliciesTest {

    private final RateLimitPolicies policies = new RateLimitPolicies(new Limits(limit(200, 50),
            Map.of("integration", limit(1000, 200), "admin", limit(400, 100)),
            Map.of("imports", route("/api/v1/lead-imports", 60, 10))));

    @Test
    void aRouteLimitWinsOverRoles() {
        assertEquals(new RateLimitPolicy("route:imports", 60, 10),
                policies.policyFor("/api/v1/lead-imports/7", Set.of("integration")));
    }

    @Test
    void theMostGenerousRoleWinsOverTheDefault() {
        assertEquals(new RateLimitPolicy("role:integration", 1000, 200),
                policies.policyFor("/api/v1/leads", Set.of("admin", "integration")));
        assertEquals(new RateLimitPolicy("role:admin", 400, 100), policies.policyFor("/api/v1/leads", Set.of("admin")));
    }

    @Test
    void everyoneElseGetsTheDefault() {
        assertEquals(new RateLimitPolicy("default", 200, 50), policies.policyFor("/api/v1/lead-importsX", Set.of("sdr")));
        assertEquals(new RateLimitPolicy("default", 200, 50), policies.policyFor("/q/openapi", Set.of()));
    }

    private static GatewayConfig.Limit limit(long capacity, long refill) {
        return new GatewayConfig.Limit() {
            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public long refillPerSecond() {
                return refill;
            }
        };
    }

    private static GatewayConfig.RouteLimit route(String prefix, long capacity, long refill) {
        return new GatewayConfig.RouteLimit() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public long capacity() {
                return capacity;
            }

            @Override
            public long refillPerSecond() {
                return refill;
            }
        };
    }

    private record Limits(GatewayConfig.Limit defaultLimit, Map<String, GatewayConfig.Limit> roles,
            Map<String, GatewayConfig.RouteLimit> routes) implements GatewayConfig.RateLimits {

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration idleExpiry() {
            return Duration.ofMinutes(10);
        }

        @Override
        public long maxBuckets() {
            return 1000;
        }
    }

}
