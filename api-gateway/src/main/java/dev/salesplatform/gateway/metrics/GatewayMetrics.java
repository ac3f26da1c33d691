package dev.salesplatform.gateway.metrics;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.inject.Singleton;

import dev.salesplatform.gateway.proxy.UpstreamInstance;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The gateway's own meters, next to Quarkus' per-route HTTP metrics: answers per upstream and status
 * (including the gateway's own 502/503/504 for it), rate-limited requests per policy, and the state
 * of each upstream instance's breaker (0 closed, 1 open, 2 half-open).
 *
 * <p>Each counter is registered once, on its first use, and kept: counting a response is a map
 * lookup and an increment, not a registry lookup.
 */
@Singleton
public class GatewayMetrics {

    private static final String BREAKER_STATE = "gateway.circuit.breaker.state";

    private final MeterRegistry registry;
    private final ConcurrentMap<UpstreamStatus, Counter> upstreamAnswers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> rateLimitedRequests = new ConcurrentHashMap<>();

    GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void upstreamAnswered(String upstream, int status) {
        UpstreamStatus key = new UpstreamStatus(upstream, status);
        Counter counter = upstreamAnswers.get(key);
        if (counter == null) {
            counter = upstreamAnswers.computeIfAbsent(key, this::upstreamCounter);
        }
        counter.increment();
    }

    public void rateLimited(String policy) {
        Counter counter = rateLimitedRequests.get(policy);
        if (counter == null) {
            counter = rateLimitedRequests.computeIfAbsent(policy, this::rateLimitedCounter);
        }
        counter.increment();
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

    private Counter upstreamCounter(UpstreamStatus key) {
        return Counter.builder("gateway.upstream.requests")
                .description("Requests routed to an upstream, by the status the client got")
                .tag("upstream", key.upstream())
                .tag("status", Integer.toString(key.status()))
                .register(registry);
    }

    private Counter rateLimitedCounter(String policy) {
        return Counter.builder("gateway.rate.limited")
                .description("Requests refused with 429, by rate limit policy")
                .tag("policy", policy)
                .register(registry);
    }

    /** Statuses and upstreams are few (the configured upstreams, HTTP's statuses): so are the counters. */
    private record UpstreamStatus(String upstream, int status) {
    }
}
