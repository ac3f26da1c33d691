package dev.salesplatform.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class GatewayConfigTest {

    @Test
    void defaultsRouteEveryServiceToItsLocalPort() throws IOException {
        GatewayConfig config = load(Map.of());

        assertEquals(URI.create("http://127.0.0.1:8081"), config.upstreams().get("lead").url());
        assertEquals(List.of("/api/v1/leads", "/api/v1/lead-imports", "/api/v1/dead-letters/lead-service"),
                config.upstreams().get("lead").prefixes());
        assertEquals(URI.create("http://127.0.0.1:8083"), config.upstreams().get("customer-success").url());
        assertEquals(URI.create("http://127.0.0.1:9083"), config.upstreams().get("customer-success").healthUrl());
        assertEquals(List.of("/api/v1/analytics", "/api/v1/dead-letters/analytics-service"),
                config.upstreams().get("analytics").prefixes());
        assertEquals(Duration.ofSeconds(30), config.upstreamTimeout());
    }

    @Test
    void environmentVariablesOverrideUrlsAndTimeout() throws IOException {
        GatewayConfig config = load(Map.of(
                "GATEWAY_UPSTREAMS_LEAD_URL", "http://lead-service:8080",
                "GATEWAY_UPSTREAMS_CUSTOMER_SUCCESS_URL", "http://customer-success-service:8080",
                "GATEWAY_UPSTREAMS_LEAD_MANAGEMENT_URL", "http://lead-service:9000",
                "GATEWAY_UPSTREAM_TIMEOUT", "5s"));

        assertEquals(URI.create("http://lead-service:8080"), config.upstreams().get("lead").url());
        assertEquals(URI.create("http://lead-service:9000"), config.upstreams().get("lead").healthUrl());
        assertEquals(URI.create("http://customer-success-service:8080"),
                config.upstreams().get("customer-success").url());
        assertEquals(Duration.ofSeconds(5), config.upstreamTimeout());
    }

    @Test
    void defaultLimitsAndEnvironmentVariablesOverridingThem() throws IOException {
        GatewayConfig defaults = load(Map.of());

        assertEquals(5, defaults.circuitBreaker().failureThreshold());
        assertEquals(Duration.ofSeconds(10), defaults.circuitBreaker().openDuration());
        assertEquals(50, defaults.rateLimits().defaultLimit().refillPerSecond());
        assertEquals(200, defaults.rateLimits().defaultLimit().capacity());
        assertEquals(200, defaults.rateLimits().roles().get("integration").refillPerSecond());
        assertEquals("/api/v1/lead-imports", defaults.rateLimits().routes().get("lead-imports").prefix());
        assertEquals(1024 * 1024, defaults.bodyLimits().defaultMaxSize().asLongValue());
        assertEquals(64L * 1024 * 1024, defaults.bodyLimits().routes().get("lead-imports").maxSize().asLongValue());
        assertEquals(4000, defaults.requestLimits().maxUriLength());
        assertEquals(16 * 1024, defaults.requestLimits().maxHeaderSize().asLongValue());
        assertEquals(List.of("http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:8080",
                "http://127.0.0.1:8080"), defaults.cors().origins());
        assertEquals(URI.create("http://127.0.0.1:8180/realms/sales"), defaults.oidc().publicUrl());

        GatewayConfig overridden = load(Map.of(
                "GATEWAY_RATE_LIMITS_DEFAULT_REFILL_PER_SECOND", "2500",
                "GATEWAY_RATE_LIMITS_ROLES_INTEGRATION_CAPACITY", "20",
                "GATEWAY_BODY_LIMITS_ROUTES_LEAD_IMPORTS_MAX_SIZE", "16M",
                "GATEWAY_REQUEST_LIMITS_MAX_URI_LENGTH", "2000",
                "GATEWAY_CORS_ORIGINS", "https://sales.example.com",
                "GATEWAY_OIDC_PUBLIC_URL", "https://login.example.com/realms/sales"));

        assertEquals(2500, overridden.rateLimits().defaultLimit().refillPerSecond());
        assertEquals(20, overridden.rateLimits().roles().get("integration").capacity());
        assertEquals(16L * 1024 * 1024, overridden.bodyLimits().routes().get("lead-imports").maxSize().asLongValue());
        assertEquals(2000, overridden.requestLimits().maxUriLength());
        assertEquals(List.of("https://sales.example.com"), overridden.cors().origins());
        assertEquals(URI.create("https://login.example.com/realms/sales"), overridden.oidc().publicUrl());
    }

    @Test
    void servesHealthAndMetricsOnManagementPort9080UnlessTheEnvironmentSaysOtherwise() throws IOException {
        assertEquals(true, config(Map.of()).getValue("quarkus.management.enabled", Boolean.class));
        assertEquals(9080, config(Map.of()).getValue("quarkus.management.port", Integer.class));
        assertEquals(19080, config(Map.of("QUARKUS_MANAGEMENT_PORT", "19080"))
                .getValue("quarkus.management.port", Integer.class));
    }

    private static GatewayConfig load(Map<String, String> environment) throws IOException {
        return config(environment).getConfigMapping(GatewayConfig.class);
    }

    private static SmallRyeConfig config(Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(
                        GatewayConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(GatewayConfig.class)
                .build();
    }
}
