package dev.salesplatform.gateway.metrics;

import java.util.List;

import jakarta.inject.Singleton;

import dev.salesplatform.gateway.proxy.UpstreamInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's own meters, next to Quarkus' per-route HTTP metrics: answers per upstream and status
 * (including the gateway's own 502/503/504 for it), rate-limited requests per policy, and the state
 * of each upstream instance's breaker (0 closed, 1 open, 2 half-open).
 */
@Singleton
public class GatewayMetrics {

    private static final String BREAKER_STATE = "gateway.circuit.breaker.state";

    private final MeterRegistry registry;

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void upstreamAnswered(String upstream, int status) {
        Counter.builder("gateway.upstream.requests")
                .description("Requests routed to an upstream, by the status the client got")
                .tag("upstream", upstream)
                .tag("status", Integer.toString(status))
                .register(registry)
                .increment();
    }

    public void rateLimited(String policy) {
        Counter.builder("gateway.rate.limited")
                .description("Requests refused with 429, by rate limit policy")
                .tag("policy", policy)
                .register(registry)
                .increment();
    }

    /** The breaker state of each instance of {@code upstream}, tagged with the instance's host and port. */
    public void watch(String upstream, List<UpstreamInstance> instances) {
        // Registering returns an existing gauge of the same name and tags, still reading a previous
        // breaker when the registry outlives this application (Micrometer's global registry across
        // restarts in one JVM, as in tests); the new breakers must replace those of the upstream.
        registry.find(BREAKER_STATE).tag("upstream", upstream).gauges().forEach(registry::remove);
        for (UpstreamInstance instance : instances) {
            Gauge.builder(BREAKER_STATE, instance.breaker(), breaker -> breaker.state().ordinal())
                    .description("Circuit breaker state per upstream instance: 0 closed, 1 open, 2 half-open")
                    .tag("upstream", upstream)
                    .tag("upstream_instance", instance.authority())
                    .register(registry);
        }
    }
}
