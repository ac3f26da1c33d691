package dev.salesplatform.gateway.proxy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import dev.salesplatform.gateway.bodylimit.BodyLimits;
import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.metrics.GatewayMetrics;
import dev.salesplatform.gateway.routing.PrefixTable;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The configured upstreams as routes, the most specific prefix first, each upstream with its instances,
 * each instance with its breaker.
 * <p>
 * Trace context: OpenTelemetry's server span of each request continues a valid W3C {@code traceparent}
 * of the client (or starts a trace), and the proxy's client span, its child, is what the upstream
 * receives in {@code traceparent} and {@code tracestate}: the client's own headers are not forwarded.
 */
@Singleton
public class UpstreamRoutes {

    private final List<UpstreamRoute> routes = new ArrayList<>();
    private final Map<String, UpstreamBalancer> upstreams = new LinkedHashMap<>();

    UpstreamRoutes(GatewayConfig config, Vertx vertx, GatewayMetrics metrics, OpenTelemetry openTelemetry) {
        // One pool for all: Vert.x pools connections per host and port, hence per instance.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        BodyLimits bodyLimits = new BodyLimits(config.bodyLimits());
        Collection<String> traceHeaders = openTelemetry.getPropagators().getTextMapPropagator().fields();
        Set<String> prefixes = new HashSet<>();
        for (Map.Entry<String, GatewayConfig.Upstream> upstream : config.upstreams().entrySet()) {
            String name = upstream.getKey();
            List<UpstreamInstance> instances = upstream.getValue().instances(name).stream()
                    .map(instance -> new UpstreamInstance(name, instance.url(), instance.healthUrl(),
                            config.upstreamTimeout(), new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                                    config.circuitBreaker().openDuration(), System::nanoTime)))
                    .toList();
            UpstreamBalancer balancer = new UpstreamBalancer(name, instances);
            upstreams.put(name, balancer);
            metrics.watch(name, instances);
            ForwardingInterceptor forwarding = new ForwardingInterceptor(balancer, config.upstreamTimeout(), bodyLimits,
                    metrics, vertx, traceHeaders);
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(forwarding).addInterceptor(forwarding);
            for (String prefix : upstream.getValue().prefixes()) {
                PrefixTable.checkPrefix(prefix);
                if (!prefixes.add(prefix)) {
                    throw new IllegalArgumentException("Upstream " + name + ": prefix configured twice: " + prefix);
                }
                routes.add(new UpstreamRoute(prefix, proxy));
            }
        }
        routes.sort(Comparator.comparing((UpstreamRoute route) -> route.prefix().length()).reversed());
    }

    public List<UpstreamRoute> routes() {
        return routes;
    }

    /** Each upstream's instances and the balancer between them, by upstream name in configured order. */
    public Map<String, UpstreamBalancer> upstreams() {
        return Collections.unmodifiableMap(upstreams);
    }
}
