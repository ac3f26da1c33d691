package dev.salesplatform.gateway.proxy;

import java.util.ArrayList;
import java.util.Collection;
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
 * The configured upstreams as routes, the most specific prefix first, each upstream with its breaker.
 * <p>
 * Trace context: OpenTelemetry's server span of each request continues a valid W3C {@code traceparent}
 * of the client (or starts a trace), and the proxy's client span, its child, is what the upstream
 * receives in {@code traceparent} and {@code tracestate}: the client's own headers are not forwarded.
 */
@Singleton
public class UpstreamRoutes {

    private final List<UpstreamRoute> routes = new ArrayList<>();
    private final Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();

    UpstreamRoutes(GatewayConfig config, Vertx vertx, GatewayMetrics metrics, OpenTelemetry openTelemetry) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        BodyLimits bodyLimits = new BodyLimits(config.bodyLimits());
        Collection<String> traceHeaders = openTelemetry.getPropagators().getTextMapPropagator().fields();
        Set<String> prefixes = new HashSet<>();
        for (Map.Entry<String, GatewayConfig.Upstream> upstream : config.upstreams().entrySet()) {
            Origin origin = Origin.of(upstream.getKey(), upstream.getValue().url(), config.upstreamTimeout());
            CircuitBreaker breaker = new CircuitBreaker(config.circuitBreaker().failureThreshold(),
                    config.circuitBreaker().openDuration(), System::nanoTime);
            breakers.put(origin.name(), breaker);
            metrics.watch(origin.name(), breaker);
            ForwardingInterceptor forwarding = new ForwardingInterceptor(origin, breaker, bodyLimits, metrics, vertx,
                    traceHeaders);
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(forwarding).addInterceptor(forwarding);
            for (String prefix : upstream.getValue().prefixes()) {
                PrefixTable.checkPrefix(prefix);
                if (!prefixes.add(prefix)) {
                    throw new IllegalArgumentException("Upstream " + origin.name() + ": prefix configured twice: " + prefix);
                }
                routes.add(new UpstreamRoute(prefix, origin.name(), breaker, proxy, metrics));
            }
        }
        routes.sort(Comparator.comparing((UpstreamRoute route) -> route.prefix().length()).reversed());
    }

    public List<UpstreamRoute> routes() {
        return routes;
    }

    /** The breaker of the named upstream. */
    public CircuitBreaker breaker(String upstream) {
        return breakers.get(upstream);
    }
}
