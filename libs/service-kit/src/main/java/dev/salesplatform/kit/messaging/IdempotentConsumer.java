package dev.salesplatform.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies an event at most once per consumer: the processed-event row ({@code ce_id}) and the
 * effect commit in one transaction, so a redelivery after a crash or rebalance is a no-op.
 * <p>
 * A record that is not a valid event fails at once, so the channel's dead-letter strategy moves it
 * to {@code <topic>.dlq} without stopping the partition; other failures (e.g. the database away) are
 * retried a few times before they are dead-lettered too.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final String MARK = "INSERT INTO processed_event (consumer, event_id, processed_at)"
            + " VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING";

    @Inject
    ObjectMapper mapper;

    /**
     * Applies {@code effect} to the record's event once, if its type is one of {@code types}; other
     * types are acknowledged at once, without a transaction (a consumer that reads a topic from its
     * start skips most of it cheaply).
     */
    public Uni<Void> apply(String consumer, Set<String> types, ConsumerRecord<String, String> record,
                           Function<CloudEvent, Uni<Void>> effect) {
        Header type = record.headers().lastHeader("ce_type");
        if (type != null && !types.contains(new String(type.value(), StandardCharsets.UTF_8))) {
            return Uni.createFrom().voidItem();
        }
        CloudEvent event;
        try {
            event = CloudEvent.from(record, mapper);
        } catch (InvalidEventException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.withTransaction(() -> firstDelivery(consumer, event.id())
                        .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem()))
                .onFailure(failure -> !(failure instanceof InvalidEventException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5);
    }

    private Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
