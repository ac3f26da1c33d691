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
        assertEquals(List.of("/api/v1/leads", "/api/v1/lead-imports"), config.upstreams().get("lead").prefixes());
        assertEquals(URI.create("http://127.0.0.1:8083"), config.upstreams().get("customer-success").url());
        assertEquals(List.of("/api/v1/analytics"), config.upstreams().get("analytics").prefixes());
        assertEquals(Duration.ofSeconds(30), config.upstreamTimeout());
    }

    @Test
    void environmentVariablesOverrideUrlsAndTimeout() throws IOException {
        GatewayConfig config = load(Map.of(
                "GATEWAY_UPSTREAMS_LEAD_URL", "http://lead-service:8080",
                "GATEWAY_UPSTREAMS_CUSTOMER_SUCCESS_URL", "http://customer-success-service:8080",
                "GATEWAY_UPSTREAM_TIMEOUT", "5s"));

        assertEquals(URI.create("http://lead-service:8080"), config.upstreams().get("lead").url());
        assertEquals(URI.create("http://customer-success-service:8080"),
                config.upstreams().get("customer-success").url());
        assertEquals(Duration.ofSeconds(5), config.upstreamTimeout());
    }

    private static GatewayConfig load(Map<String, String> environment) throws IOException {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDiscoveredConverters()
                .withSources(new PropertiesConfigSource(
                        GatewayConfigTest.class.getResource("/application.properties"), 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withMapping(GatewayConfig.class)
                .build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
