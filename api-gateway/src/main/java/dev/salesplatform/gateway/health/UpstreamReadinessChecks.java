package dev.salesplatform.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.proxy.UpstreamBalancer;
import dev.salesplatform.gateway.proxy.UpstreamInstance;
import dev.salesplatform.gateway.proxy.UpstreamRoutes;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;

/**
 * One readiness check per upstream, UP while at least one of its instances is: what the
 * {@link UpstreamReadinessPoller} last learnt, the same the routing goes by. Its data has
 * {@code upstream} (UP or DOWN) and, under each instance's URL, that instance's readiness (with the
 * reason when it is not UP) and its breaker's state; an instance whose readiness has not answered yet
 * is UNKNOWN, not UP, though it gets requests meanwhile. An upstream that is down is reported in the
 * check's data but, unless {@code gateway.health.require-upstreams} is set, leaves the gateway ready:
 * it still serves the other upstreams and answers 503 for that one, whereas a gateway taken out of the
 * load balancer would fail every route. Liveness never looks at the upstreams.
 */
@ApplicationScoped
public class UpstreamReadinessChecks {

    void register(@Observes StartupEvent ignored, @Readiness HealthRegistry registry, GatewayConfig config,
            UpstreamRoutes routes) {
        boolean required = config.health().requireUpstreams();
        routes.upstreams().forEach((name, upstream) ->
                registry.register("upstream-" + name, (HealthCheck) () -> check(upstream, required)));
    }

    private static HealthCheckResponse check(UpstreamBalancer upstream, boolean required) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstream " + upstream.upstream());
        boolean up = false;
        for (UpstreamInstance instance : upstream.instances()) {
            UpstreamInstance.Readiness readiness = instance.readiness();
            up |= readiness.state() == UpstreamInstance.Readiness.State.UP;
            response.withData(instance.url().toString(), readiness.state()
                    + (readiness.reason() == null ? "" : " (" + readiness.reason() + ")")
                    + ", circuit breaker " + instance.breaker().state());
        }
        return response.withData("upstream", up ? "UP" : "DOWN").status(up || !required).build();
    }
}
