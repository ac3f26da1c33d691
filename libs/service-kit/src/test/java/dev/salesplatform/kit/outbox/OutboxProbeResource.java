package dev.salesplatform.kit.outbox;

import java.time.Clock;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** A request of the test application that records an event, as a service's command does. */
@Path("/test/outbox-events")
public class OutboxProbeResource {

    private final Outbox outbox;
    private final Clock clock;

    OutboxProbeResource(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Records one event of {@code aggregateType}; answers its id. */
    @POST
    @Path("/{aggregateType}")
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> record(@PathParam("aggregateType") String aggregateType) {
        return Panache.withTransaction(() -> outbox.record(new OutboxEvent(aggregateType, "probe", "kit.tested.v1", 1,
                "test", clock.instant(), Map.of("n", 1)))).map(Object::toString);
    }
}
