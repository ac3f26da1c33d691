package dev.salesplatform.gateway.openapi;

import dev.salesplatform.gateway.problem.Problem;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Serves the merged OpenAPI document as JSON (with or without {@code ?format=json}). */
public final class OpenApiHandler implements Handler<RoutingContext> {

    private final MergedOpenApi openApi;

    public OpenApiHandler(MergedOpenApi openApi) {
        this.openApi = openApi;
    }

    @Override
    public void handle(RoutingContext context) {
        openApi.document().onComplete(result -> {
            if (result.succeeded()) {
                context.response().putHeader("Content-Type", "application/json").end(result.result().toBuffer());
            } else {
                context.response().putHeader("Retry-After", "10");
                Problem.upstreamUnavailable().send(context.response(), context.request().path());
            }
        });
    }
}
