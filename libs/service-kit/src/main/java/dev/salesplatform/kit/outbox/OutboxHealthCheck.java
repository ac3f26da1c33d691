package dev.salesplatform.kit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The relay's lag in readiness. A backlog alone keeps the service ready: writes are still safe in
 * PostgreSQL while the broker is away; only a dead relay thread makes it not ready. Parked events
 * (refused by Kafka for good) are a warning for an operator, not a reason to take the service out.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    @Inject
    public OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox-relay")
                .status(relay.isRunning())
                .withData("enabled", relay.isEnabled())
                .withData("pending", relay.pending())
                .withData("oldestPendingSeconds", relay.oldestPendingSeconds())
                .withData("parked", relay.parked());
        OutboxRelay.Parked parked = relay.firstParked();
        if (parked != null) {
            response.withData("firstParkedEventId", parked.eventId().toString())
                    .withData("firstParkedReason", parked.reason());
        }
        String error = relay.lastError();
        if (error != null) {
            response.withData("lastError", error);
        }
        return response.build();
    }
}
