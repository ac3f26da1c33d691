package dev.salesplatform.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The echo upstreams, but lead as two instances, each with an API port and a management port, which
 * {@link UpstreamBalancingTest} starts and stops itself (as {@link FakeInstance}s); their readiness is
 * asked every {@link #POLL_INTERVAL}.
 */
public class TwoLeadInstancesResource extends EchoUpstreamResource {

    static final String URLS = "gateway.upstreams.lead.url";
    static final String MANAGEMENT_URLS = "gateway.upstreams.lead.management-url";
    static final String POLL_INTERVAL = "200ms";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        List<Integer> ports = Ports.closed(4);
        config.put(URLS, "http://127.0.0.1:" + ports.get(0) + ",http://127.0.0.1:" + ports.get(1));
        config.put(MANAGEMENT_URLS, "http://127.0.0.1:" + ports.get(2) + ",http://127.0.0.1:" + ports.get(3));
        config.put("gateway.health.poll-interval", POLL_INTERVAL);
        return config;
    }
}
