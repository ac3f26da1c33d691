package dev.salesplatform.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The event consumers in readiness: DOWN while a consumer waits for a passing fault to pass (since
 * when, and why), UP again once it applies a record. Liveness is untouched: a restart would not
 * bring the database back.
 */
@Readiness
@ApplicationScoped
public class ConsumerHealthCheck implements HealthCheck {

    private final ConsumerHealth consumers;

    @Inject
    public ConsumerHealthCheck(ConsumerHealth consumers) {
        this.consumers = consumers;
    }

    @Override
    public HealthCheckResponse call() {
        var waiting = consumers.waiting();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumers").status(waiting.isEmpty());
        waiting.forEach(response::withData);
        return response.build();
    }
}
