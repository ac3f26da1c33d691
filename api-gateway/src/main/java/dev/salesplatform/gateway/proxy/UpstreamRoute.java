package dev.salesplatform.gateway.proxy;

import dev.salesplatform.gateway.metrics.GatewayMetrics;
import dev.salesplatform.gateway.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;

/** A path prefix and the reverse proxy to the upstream that serves it, guarded by the upstream's breaker. */
public record UpstreamRoute(String prefix, String upstream, CircuitBreaker breaker, HttpProxy proxy,
        GatewayMetrics metrics) implements Handler<RoutingContext> {

    /** The Vert.x Web path matching the prefix itself and everything below it. */
    public String routePath() {
        return prefix + "/*";
    }

    @Override
    public void handle(RoutingContext context) {
        // Quarkus' HTTP metrics tag requests with this template instead of one series per path (per id).
        Vertx.currentContext().putLocal("UrlPathTemplate", routePath());
        if (!breaker.tryAcquire()) {
            metrics.upstreamAnswered(upstream, 503);
            context.response().putHeader("Retry-After", Long.toString(breaker.retryAfterSeconds()));
            Problem.upstreamCircuitOpen().send(context.response(), context.request().path());
            return;
        }
        proxy.handle(context.request());
    }
}
