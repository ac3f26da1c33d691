package dev.salesplatform.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.salesplatform.gateway.proxy.UpstreamRoute;
import dev.salesplatform.gateway.proxy.UpstreamRoutes;
import dev.salesplatform.gateway.requestid.RequestIdHandler;
import dev.salesplatform.gateway.security.BearerTokenHandler;
import io.vertx.ext.web.Router;

/** Puts the gateway's handlers on Quarkus' HTTP router. */
@ApplicationScoped
public class GatewayRouter {

    /** Before Quarkus' CORS and security handlers (orders -300 to -100), so that their answers carry the id too. */
    private static final int REQUEST_ID_ORDER = -1_000;

    void register(@Observes Router router, UpstreamRoutes upstreams) {
        router.route().order(REQUEST_ID_ORDER).handler(new RequestIdHandler());
        router.route("/api/*").handler(new BearerTokenHandler());
        for (UpstreamRoute upstream : upstreams.routes()) {
            router.route(upstream.routePath()).handler(upstream);
        }
        router.route().failureHandler(ProblemHandlers::answer);
        // Methods are the upstreams' business: every gateway route accepts all of them, so no 405 arises here.
        router.errorHandler(404, ProblemHandlers::answer);
    }
}
