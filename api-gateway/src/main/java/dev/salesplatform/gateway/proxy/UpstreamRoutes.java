package dev.salesplatform.gateway.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import dev.salesplatform.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;

/** The configured upstreams as routes, the most specific prefix first. */
@Singleton
public class UpstreamRoutes {

    private final List<UpstreamRoute> routes = new ArrayList<>();

    UpstreamRoutes(GatewayConfig config, Vertx vertx) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions(),
                new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerUpstream()));
        Set<String> prefixes = new HashSet<>();
        for (Map.Entry<String, GatewayConfig.Upstream> upstream : config.upstreams().entrySet()) {
            Origin origin = Origin.of(upstream.getKey(), upstream.getValue().url(), config.upstreamTimeout());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(origin.requestOptions()))
                    .addInterceptor(new ForwardingInterceptor(origin));
            for (String prefix : upstream.getValue().prefixes()) {
                if (!prefix.startsWith("/") || prefix.endsWith("/") || !prefixes.add(prefix)) {
                    throw new IllegalArgumentException("Upstream " + origin.name()
                            + ": prefix must start with /, not end with / and be unique: " + prefix);
                }
                routes.add(new UpstreamRoute(prefix, proxy));
            }
        }
        routes.sort(Comparator.comparing((UpstreamRoute route) -> route.prefix().length()).reversed());
    }

    public List<UpstreamRoute> routes() {
        return routes;
    }
}
