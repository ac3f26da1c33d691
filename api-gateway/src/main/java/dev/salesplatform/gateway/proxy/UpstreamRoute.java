package dev.salesplatform.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/** A path prefix and the reverse proxy to the instances of the upstream that serves it. */
public record UpstreamRoute(String prefix, HttpProxy proxy) implements Handler<RoutingContext> {

    /** The Vert.x Web path matching the prefix itself and everything below it. */
    public String routePath() {
        return prefix + "/*";
    }

    @Override
    public void handle(RoutingContext context) {
        // Quarkus' HTTP metrics tag requests with this template instead of one series per path (per id).
        Vertx.currentContext().putLocal("UrlPathTemplate", routePath());
        proxy.handle(context.request());
    }
}
