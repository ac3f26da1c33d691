package dev.salesplatform.kit.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Applies an event at most once per consumer: the processed-event row ({@code ce_id}) and the
 * effect commit in one transaction, so a redelivery after a crash or rebalance is a no-op.
 * <p>
 * A passing fault (the database or the broker away, see {@link Failures}) is retried with backoff
 * for as long as it lasts: the record is not acknowledged meanwhile, the partition waits and
 * readiness says so. Any other failure makes the record poison: it alone is set aside in
 * {@link DeadLetters}, and the partition goes on.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final String MARK = "INSERT INTO processed_event (consumer, event_id, processed_at)"
            + " VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING";

    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;
    private final EventFilter filter;

    @Inject
    public IdempotentConsumer(ObjectMapper mapper, DeadLetters deadLetters, ConsumerHealth health, EventFilter filter) {
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.health = health;
        this.filter = filter;
    }

    /**
     * Applies {@code effect} to the record's event once, if its type is handled; other types are
     * acknowledged at once, without a transaction (a consumer that reads a topic from its start skips
     * most of it cheaply). Completes when the record is applied, skipped or set aside.
     */
    public Uni<Void> apply(String consumer, EventTypes types, ConsumerRecord<String, String> record,
                           Function<CloudEvent, Uni<Void>> effect) {
        return health.retryWhileTransient(consumer, where(record), () -> attempt(consumer, types, record, effect))
                .onFailure().recoverWithUni(failure -> deadLetters.record(consumer, record, failure));
    }

    /**
     * One attempt, without retry or dead-lettering: what {@link DeadLetterHandler#redeliver} runs.
     */
    public Uni<Void> attempt(String consumer, EventTypes types, ConsumerRecord<String, String> record,
                             Function<CloudEvent, Uni<Void>> effect) {
        if (!filter.handles(consumer, types, record)) {
            return Uni.createFrom().voidItem();
        }
        CloudEvent event = CloudEvent.from(record, mapper);
        return Panache.withTransaction(() -> firstDelivery(consumer, event.id())
                .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem()));
    }

    /** Where a record is, for logs. */
    public static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private Uni<Boolean> firstDelivery(String consumer, String eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MARK)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }
}
