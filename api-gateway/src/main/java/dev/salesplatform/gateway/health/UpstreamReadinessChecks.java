package dev.salesplatform.gateway.health;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.proxy.UpstreamRoutes;
import dev.salesplatform.gateway.upstream.UpstreamClient;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * One readiness check per upstream: its own {@code /q/health/ready} (on its management interface)
 * reachable and UP. An upstream that
 * is down is reported in the check's data but, unless {@code gateway.health.require-upstreams} is
 * set, leaves the gateway ready: it still serves the other upstreams and answers 503 for that one,
 * whereas a gateway taken out of the load balancer would fail every route. Liveness never looks at
 * the upstreams.
 */
@ApplicationScoped
public class UpstreamReadinessChecks {

    void register(@Observes StartupEvent ignored, @Readiness HealthRegistry registry, GatewayConfig config,
            UpstreamClient client, UpstreamRoutes routes) {
        for (Map.Entry<String, GatewayConfig.Upstream> upstream : config.upstreams().entrySet()) {
            String name = upstream.getKey();
            URI url = upstream.getValue().healthUrl();
            registry.register("upstream-" + name, () -> check(name, url, config.health(), client, routes));
        }
    }

    private static Uni<HealthCheckResponse> check(String name, URI url, GatewayConfig.Health health,
            UpstreamClient client, UpstreamRoutes routes) {
        return Uni.createFrom().completionStage(() -> client.get(url, "/q/health/ready", health.upstreamTimeout())
                        .toCompletionStage())
                .map(answer -> answer.status() == 200 && "UP".equals(statusOf(answer.body().toString()))
                        ? null
                        : "readiness answered HTTP " + answer.status())
                .onFailure().recoverWithItem(failure -> "not reachable: " + failure.getMessage())
                .map(reason -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("upstream " + name)
                            .withData("url", url.toString())
                            .withData("upstream", reason == null ? "UP" : "DOWN")
                            .withData("circuitBreaker", routes.breaker(name).state().name());
                    if (reason != null) {
                        response.withData("reason", reason);
                    }
                    return response.status(reason == null || !health.requireUpstreams()).build();
                });
    }

    private static String statusOf(String body) {
        try {
            return new JsonObject(body).getString("status");
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
