package dev.salesplatform.gateway;

import java.util.HashMap;
import java.util.Map;

/**
 * The echo upstreams with small limits, so that tests reach them in a few requests; customer-success
 * points at a free port that {@link EdgeLimitsTest} opens and closes itself.
 */
public class EdgeLimitsResource extends EchoUpstreamResource {

    static final String FLAKY_UPSTREAM_URL = "gateway.upstreams.customer-success.url";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put(FLAKY_UPSTREAM_URL, "http://127.0.0.1:" + Ports.closed());
        config.put("gateway.circuit-breaker.failure-threshold", "3");
        config.put("gateway.circuit-breaker.open-duration", "1s");
        config.put("gateway.rate-limits.default.capacity", "5");
        config.put("gateway.rate-limits.default.refill-per-second", "1");
        config.put("gateway.rate-limits.roles.integration.capacity", "3");
        config.put("gateway.rate-limits.roles.integration.refill-per-second", "1");
        // Room for the breaker test's retries, which are not about rate limits.
        config.put("gateway.rate-limits.roles.customer-success.capacity", "100");
        config.put("gateway.rate-limits.roles.customer-success.refill-per-second", "100");
        config.put("gateway.rate-limits.routes.lead-imports.capacity", "2");
        config.put("gateway.rate-limits.routes.lead-imports.refill-per-second", "1");
        config.put("gateway.body-limits.default", "1K");
        return config;
    }
}
