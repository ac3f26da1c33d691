package dev.salesplatform.gateway.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

        assertEquals(List.of(new GatewayConfig.Instance(URI.create("http://127.0.0.1:8081"),
                URI.create("http://127.0.0.1:9081"))), config.upstreams().get("lead").instances("lead"));
        assertEquals(List.of("/api/v1/leads", "/api/v1/lead-imports", "/api/v1/dead-letters/lead-service"),
                config.upstreams().get("lead").prefixes());
        assertEquals(List.of(URI.create("http://127.0.0.1:8083")), config.upstreams().get("customer-success").url());
        assertEquals(URI.create("http://127.0.0.1:9083"),
                config.upstreams().get("customer-success").instances("customer-success").get(0).healthUrl());
        assertEquals(List.of("/api/v1/analytics", "/api/v1/dead-letters/analytics-service"),
                config.upstreams().get("analytics").prefixes());
        assertEquals(Duration.ofSeconds(30), config.upstreamTimeout());
        assertEquals(Duration.ofSeconds(2), config.health().pollInterval());
    }

    @Test
    void environmentVariablesOverrideUrlsAndTimeout() throws IOException {
        GatewayConfig config = load(Map.of(
                "GATEWAY_UPSTREAMS_LEAD_URL", "http://lead-service:8080",
                "GATEWAY_UPSTREAMS_CUSTOMER_SUCCESS_URL", "http://customer-success-service:8080",
                "GATEWAY_UPSTREAMS_LEAD_MANAGEMENT_URL", "http://lead-service:9000",
                "GATEWAY_UPSTREAM_TIMEOUT", "5s"));

        assertEquals(List.of(new GatewayConfig.Instance(URI.create("http://lead-service:8080"),
                URI.create("http://lead-service:9000"))), config.upstreams().get("lead").instances("lead"));
        assertEquals(List.of(URI.create("http://customer-success-service:8080")),
                config.upstreams().get("customer-success").url());
        assertEquals(Duration.ofSeconds(5), config.upstreamTimeout());
    }

    @Test
    void listsSeveralInstancesCommaSeparatedPairingManagementUrlsByPosition() throws IOException {
        GatewayConfig config = load(Map.of(
                "GATEWAY_UPSTREAMS_LEAD_URL", "http://127.0.0.1:8081,http://127.0.0.1:8101",
                // A space after the comma is fine.
                "GATEWAY_UPSTREAMS_LEAD_MANAGEMENT_URL", "http://127.0.0.1:9081, http://127.0.0.1:9101",
                "GATEWAY_UPSTREAMS_DEAL_URL", "http://deal-a:8082,http://deal-b:8082",
                "GATEWAY_UPSTREAMS_DEAL_MANAGEMENT_URL", "",
                "GATEWAY_HEALTH_POLL_INTERVAL", "500ms"));

        assertEquals(List.of(
                new GatewayConfig.Instance(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:9081")),
                new GatewayConfig.Instance(URI.create("http://127.0.0.1:8101"), URI.create("http://127.0.0.1:9101"))),
                config.upstreams().get("lead").instances("lead"));
        // Without management URLs, each instance's readiness is asked on its API URL.
        assertEquals(List.of(
                new GatewayConfig.Instance(URI.create("http://deal-a:8082"), URI.create("http://deal-a:8082")),
                new GatewayConfig.Instance(URI.create("http://deal-b:8082"), URI.create("http://deal-b:8082"))),
                config.upstreams().get("deal").instances("deal"));
        assertEquals(Duration.ofMillis(500), config.health().pollInterval());
    }

    @Test
    void refusesManagementUrlsThatDoNotPairWithTheUrls() throws IOException {
        GatewayConfig config = load(Map.of(
                "GATEWAY_UPSTREAMS_LEAD_URL", "http://127.0.0.1:8081,http://127.0.0.1:8101",
                "GATEWAY_UPSTREAMS_LEAD_MANAGEMENT_URL", "http://127.0.0.1:9081"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> config.upstreams().get("lead").instances("lead"));
        assertEquals("Upstream lead: gateway.upstreams.lead.url lists 2 instance(s) but "
                + "gateway.upstreams.lead.management-url lists 1; "
                + "give one management URL per instance, in the same order", refused.getMessage());
    }

    @Test
    void refusesAnInstanceListedTwice() throws IOException {
        GatewayConfig urls = load(Map.of(
                "GATEWAY_UPSTREAMS_LEAD_URL", "http://127.0.0.1:8081,http://127.0.0.1:8081/",
                "GATEWAY_UPSTREAMS_LEAD_MANAGEMENT_URL", "http://127.0.0.1:9081,http://127.0.0.1:9101"));
        GatewayConfig managementUrls = load(Map.of(
                "GATEWAY_UPSTREAMS_DEAL_URL", "http://deal-a,http://deal-b",
                "GATEWAY_UPSTREAMS_DEAL_MANAGEMENT_URL", "http://deal-a:80,http://deal-a"));

        assertEquals("Upstream lead: gateway.upstreams.lead.url lists 127.0.0.1:8081 twice",
                assertThrows(IllegalArgumentException.class, () -> urls.upstreams().get("lead").instances("lead"))
                        .getMessage());
        assertEquals("Upstream deal: gateway.upstreams.deal.management-url lists deal-a:80 twice",
                assertThrows(IllegalArgumentException.class,
                        () -> managementUrls.upstreams().get("deal").instances("deal")).getMessage());
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
