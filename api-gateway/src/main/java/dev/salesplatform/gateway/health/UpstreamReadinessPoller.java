package dev.salesplatform.gateway.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.salesplatform.gateway.config.GatewayConfig;
import dev.salesplatform.gateway.proxy.UpstreamBalancer;
import dev.salesplatform.gateway.proxy.UpstreamInstance;
import dev.salesplatform.gateway.proxy.UpstreamInstance.Readiness;
import dev.salesplatform.gateway.proxy.UpstreamRoutes;
import dev.salesplatform.gateway.upstream.UpstreamClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Asks every upstream instance's {@code /q/health/ready} (on its management interface) every
 * {@code gateway.health.poll-interval}: 200 with status UP makes it ready, any other answer or none
 * not ready. The balancers route by what it learnt, and the readiness checks report it.
 */
@Singleton
public class UpstreamReadinessPoller {

    private static final String READINESS_PATH = "/q/health/ready";

    private final Vertx vertx;
    private final UpstreamClient client;
    private final UpstreamRoutes routes;
    private final Duration interval;
    private final Duration timeout;
    private final List<Long> timers = new ArrayList<>();

    UpstreamReadinessPoller(Vertx vertx, UpstreamClient client, UpstreamRoutes routes, GatewayConfig config) {
        if (config.health().pollInterval().toMillis() < 1) {
            throw new IllegalArgumentException("gateway.health.poll-interval must be at least 1 ms: "
                    + config.health().pollInterval());
        }
        this.vertx = vertx;
        this.client = client;
        this.routes = routes;
        this.interval = config.health().pollInterval();
        this.timeout = config.health().upstreamTimeout();
    }

    void start(@Observes StartupEvent ignored) {
        for (UpstreamBalancer upstream : routes.upstreams().values()) {
            for (UpstreamInstance instance : upstream.instances()) {
                InstancePoll poll = new InstancePoll(instance);
                poll.ask();
                synchronized (timers) {
                    timers.add(vertx.setPeriodic(interval.toMillis(), timer -> poll.ask()));
                }
            }
        }
    }

    void stop(@Observes ShutdownEvent ignored) {
        synchronized (timers) {
            timers.forEach(vertx::cancelTimer);
            timers.clear();
        }
    }

    /** The polls of one instance, one at a time: an instance slower than the interval is not asked twice at once. */
    private final class InstancePoll {

        private final UpstreamInstance instance;
        private final AtomicBoolean asking = new AtomicBoolean();

        InstancePoll(UpstreamInstance instance) {
            this.instance = instance;
        }

        void ask() {
            if (!asking.compareAndSet(false, true)) {
                return;
            }
            client.get(instance.healthUrl(), READINESS_PATH, timeout)
                    .map(answer -> answer.status() == 200 && "UP".equals(statusOf(answer.body().toString()))
                            ? Readiness.UP
                            : Readiness.down("readiness answered HTTP " + answer.status()))
                    .otherwise(failure -> Readiness.down("not reachable: " + failure.getMessage()))
                    .onSuccess(instance::readinessAnswered)
                    .onComplete(done -> asking.set(false));
        }
    }

    private static String statusOf(String body) {
        try {
            return new JsonObject(body).getString("status");
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
