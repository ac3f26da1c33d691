package dev.salesplatform.kit.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.kit.id.UuidV7;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records events in the outbox table through the caller's current Hibernate Reactive session, so
 * the event commits or rolls back with the change it describes. {@link OutboxRelay} publishes it;
 * {@link EventHistory} keeps it as the aggregate's history.
 */
@ApplicationScoped
public class Outbox {

    /** One statement writes the outbox row and the history row: both or neither. */
    private static final String INSERT = """
            WITH event AS (
                INSERT INTO outbox (id, aggregate_type, aggregate_id, type, payload, created_at, tracingspancontext)
                VALUES (?1, ?2, ?3, ?4, CAST(CAST(?5 AS text) AS jsonb), ?6, CAST(?8 AS text))
                RETURNING id, aggregate_type, aggregate_id, type, payload, created_at)
            INSERT INTO event_history (id, aggregate_type, aggregate_id, type, actor_id, occurred_at, payload)
            SELECT id, aggregate_type, aggregate_id, type, ?7, created_at, payload FROM event""";

    private final ObjectMapper mapper;

    @Inject
    public Outbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Must run inside the transaction of the change; returns the event id ({@code ce_id}). The trace
     * context current here (the request's or the consumer's) goes with the event, for its consumers to
     * continue.
     */
    public Uni<UUID> record(OutboxEvent event) {
        UUID id = UuidV7.next();
        String payload = envelope(event);
        String traceContext = TracingSpanContext.ofCurrent();
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, id)
                        .setParameter(2, event.aggregateType())
                        .setParameter(3, event.aggregateId())
                        .setParameter(4, event.type())
                        .setParameter(5, payload)
                        .setParameter(6, OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                        .setParameter(7, event.actorId())
                        .setParameter(8, traceContext)
                        .executeUpdate())
                .replaceWith(id);
    }

    private String envelope(OutboxEvent event) {
        ObjectNode json = mapper.valueToTree(event.payload());
        json.put("occurredAt", event.occurredAt().toString());
        json.put("actorId", event.actorId());
        json.put("aggregateVersion", event.aggregateVersion());
        return json.toString();
    }
}
