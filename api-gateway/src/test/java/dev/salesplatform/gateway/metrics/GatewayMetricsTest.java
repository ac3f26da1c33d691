package dev.salesplatform.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class GatewayMetricsTest {

    /** Counts the counters it creates: a registration that finds the meter already there creates none. */
    private static final class CountingRegistry extends SimpleMeterRegistry {
        final AtomicInteger created = new AtomicInteger();

        @Override
        protected Counter newCounter(Meter.Id id) {
            created.incrementAndGet();
            return super.newCounter(id);
        }
    }

    private final CountingRegistry registry = new CountingRegistry();
    private final GatewayMetrics metrics = new GatewayMetrics(registry);

    @Test
    void countsAnswersPerUpstreamAndStatusOnCountersMadeOnce() {
        for (int i = 0; i < 5; i++) {
            metrics.upstreamAnswered("deal", 200);
        }
        metrics.upstreamAnswered("deal", 503);
        metrics.upstreamAnswered("lead", 200);

        Counter deal200 = registry.get("gateway.upstream.requests").tags("upstream", "deal", "status", "200").counter();
        assertEquals(5, deal200.count());
        assertEquals("Requests routed to an upstream, by the status the client got", deal200.getId().getDescription());
        assertEquals(1, registry.get("gateway.upstream.requests").tags("upstream", "deal", "status", "503").counter().count());
        assertEquals(1, registry.get("gateway.upstream.requests").tags("upstream", "lead", "status", "200").counter().count());
        assertEquals(3, registry.created.get());
    }

    @Test
    void countsRateLimitedRequestsPerPolicyOnCountersMadeOnce() {
        metrics.rateLimited("default");
        metrics.rateLimited("default");
        metrics.rateLimited("lead-imports");

        Counter limited = registry.get("gateway.rate.limited").tag("policy", "default").counter();
        assertEquals(2, limited.count());
        assertEquals("Requests refused with 429, by rate limit policy", limited.getId().getDescription());
        assertEquals(1, registry.get("gateway.rate.limited").tag("policy", "lead-imports").counter().count());
        assertEquals(2, registry.created.get());
    }
}
