package dev.salesplatform.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.salesplatform.gateway.bodylimit.BodyLimitHandler;
import dev.salesplatform.gateway.bodylimit.BodyLimits;
import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.cors.CorsHandler;
import dev.salesplatform.gateway.metrics.GatewayMetrics;
import dev.salesplatform.gateway.openapi.MergedOpenApi;
import dev.salesplatform.gateway.openapi.OpenApiHandler;
import dev.salesplatform.gateway.openapi.SwaggerUi;
import dev.salesplatform.gateway.proxy.UpstreamRoute;
import dev.salesplatform.gateway.proxy.UpstreamRoutes;
import dev.salesplatform.gateway.ratelimit.RateLimitHandler;
import dev.salesplatform.gateway.ratelimit.RateLimitPolicies;
import dev.salesplatform.gateway.ratelimit.RateLimiter;
import dev.salesplatform.gateway.requesthead.RequestHeadHandler;
import dev.salesplatform.gateway.requestid.RequestIdHandler;
import dev.salesplatform.gateway.security.BearerTokenHandler;
import io.github.bucket4j.TimeMeter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Puts the gateway's handlers on Quarkus' HTTP router. For every request: request id (the trace
 * context is OpenTelemetry's, see {@link dev.salesplatform.gateway.proxy.UpstreamRoutes}), the request
 * line and headers (sizes, the canonical path that everything after uses), CORS, declared
 * body length; then under {@code /api}: token, rate limit, the proxy to an instance of the upstream
 * that is ready and whose breaker allows (which counts bodies of undeclared length); the merged
 * OpenAPI document with Swagger UI under {@code /q}; and 404 for every other path. Health and metrics
 * are on the management interface, not here.
 */
@ApplicationScoped
public class GatewayRouter {

    /** Before Quarkus' own CORS and security handlers (orders -300 to -100), so that their answers carry the id too. */
    private static final int REQUEST_ID_ORDER = -1_000;
    /** Before anything reads the path, so that nothing sees another path than the one forwarded. */
    private static final int REQUEST_HEAD_ORDER = -998;
    /** Preflights are answered before any token check: browsers send them without the token. */
    private static final int CORS_ORDER = -997;
    /**
     * Before Quarkus' own upload limit (order -2, {@code quarkus.http.limits.max-body-size}), which
     * answers an empty 413; and before the token check, which a request refused anyway need not cost.
     */
    private static final int BODY_LIMIT_ORDER = -996;

    void register(@Observes Router router, GatewayConfig config, UpstreamRoutes upstreams, GatewayMetrics metrics,
            MergedOpenApi openApi) {
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIdHandler());
        router.route().order(REQUEST_HEAD_ORDER).handler(new RequestHeadHandler(config.requestLimits()));
        router.route().order(CORS_ORDER).handler(new CorsHandler(config.cors().origins(),
                config.cors().maxAge().toSeconds()));
        router.route().order(BODY_LIMIT_ORDER).handler(new BodyLimitHandler(new BodyLimits(config.bodyLimits())));

        Handler<RoutingContext> rateLimit = rateLimit(config.rateLimits(), metrics);
        router.route("/api/*").handler(new BearerTokenHandler());
        // Between validating the token and refusing its absence: requests without a valid token count too.
        router.route("/api/*").handler(rateLimit);
        router.route("/api/*").handler(BearerTokenHandler::requireIdentity);
        for (UpstreamRoute upstream : upstreams.routes()) {
            router.route(upstream.routePath()).handler(upstream);
        }

        // The documentation is public; anonymous callers share a bucket per client IP.
        router.route("/q/openapi").handler(rateLimit);
        router.route(SwaggerUi.PATH + "*").handler(rateLimit);
        router.route("/q/openapi").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .handler(new OpenApiHandler(openApi));
        SwaggerUi.register(router, config.oidc());
        router.route("/q/openapi").handler(ProblemHandlers::readOnly);
        router.route(SwaggerUi.PATH + "*").handler(ProblemHandlers::readOnly);
        router.route().failureHandler(ProblemHandlers::answer);
        // Methods under /api are the upstreams' business. Every path ends here rather than at Quarkus'
        // static resources route, which takes GET, HEAD and OPTIONS on every path: the router would
        // answer any other method on an unknown path with an empty 405.
        router.route().last().handler(ProblemHandlers::notFound);
    }

    private static Handler<RoutingContext> rateLimit(GatewayConfig.RateLimits config, GatewayMetrics metrics) {
        if (!config.enabled()) {
            return RoutingContext::next;
        }
        return new RateLimitHandler(new RateLimitPolicies(config),
                new RateLimiter(config.idleExpiry(), config.maxBuckets(), TimeMeter.SYSTEM_NANOTIME), metrics);
    }
}
