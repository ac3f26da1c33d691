package dev.salesplatform.kit.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * An event to publish, recorded in the outbox inside the transaction of the change it describes.
 *
 * @param aggregateType    e.g. {@code lead}; picks the topic ({@code sales.lead.events})
 * @param aggregateId      the Kafka key: events of one aggregate stay in order
 * @param type             the CloudEvents type, e.g. {@code lead.created.v1}
 * @param aggregateVersion the aggregate's version after the change
 * @param actorId          who made the change (a user id, or a system name)
 * @param occurredAt       when the change happened
 * @param payload          the event's fields, serialised to JSON beside occurredAt, actorId, aggregateVersion
 */
public record OutboxEvent(String aggregateType, String aggregateId, String type, long aggregateVersion,
                          String actorId, Instant occurredAt, Object payload) {

    public OutboxEvent {
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
    }
}
