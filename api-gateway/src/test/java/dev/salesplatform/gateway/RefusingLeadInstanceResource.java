package dev.salesplatform.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;

/**
 * The echo upstreams, but lead as two instances of which the first has no API (its port refuses
 * connections) while its readiness says UP, as for a moment after an instance has gone; the second is
 * whole. Readiness is asked at start and then not for an hour, so that only the refused connection
 * can tell the gateway, and a breaker opens at the second failure, so that it shows a second refusal.
 */
public class RefusingLeadInstanceResource extends EchoUpstreamResource {

    static final String URLS = "gateway.upstreams.lead.url";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        List<URI> ports = Ports.closed(4).stream().map(port -> URI.create("http://127.0.0.1:" + port)).toList();
        vertx = Vertx.vertx();
        new FakeInstance(vertx, "refusing", ports.get(0), ports.get(2), true).startManagement();
        new FakeInstance(vertx, "whole", ports.get(1), ports.get(3), true).startReady();
        config.put(URLS, ports.get(0) + "," + ports.get(1));
        config.put("gateway.upstreams.lead.management-url", ports.get(2) + "," + ports.get(3));
        config.put("gateway.health.poll-interval", "1h");
        config.put("gateway.circuit-breaker.failure-threshold", "2");
        return config;
    }

    @Override
    public void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        super.stop();
    }
}
