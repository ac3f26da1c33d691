package dev.salesplatform.kit.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.database.DatabaseMigrations;
import dev.salesplatform.kit.outbox.OutboxRelay;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
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
 * <p>
 * A handled record is applied in a span of its own ({@code <consumer> process}), a child of the Kafka
 * connector's consumer span, which continues the producer's trace ({@code traceparent} header): the
 * effect's queries and the events it records in the outbox belong to that trace.
 * <p>
 * Once the application shuts down, a record that fails is left unacknowledged instead of being set
 * aside: Quarkus closes the persistence layer (session factory, pool) before it stops the Kafka
 * consumers, so a failure then is the shutdown's rather than the record's. The connector commits what
 * was applied (waiting a few seconds for records in flight); the rest is delivered again after the
 * restart, and a record that is poison indeed is set aside then.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final String MARK = "INSERT INTO processed_event (consumer, event_id, processed_at)"
            + " VALUES (?1, ?2, now()) ON CONFLICT DO NOTHING";

    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;
    private final ConsumerHealth health;
    private final EventFilter filter;
    private final Tracer tracer;
    private final DatabaseMigrations migrations;
    private final OutboxRelay relay;

    @Inject
    public IdempotentConsumer(ObjectMapper mapper, DeadLetters deadLetters, ConsumerHealth health, EventFilter filter,
                              OpenTelemetry openTelemetry, DatabaseMigrations migrations, OutboxRelay relay) {
        this.mapper = mapper;
        this.migrations = migrations;
        this.relay = relay;
        this.deadLetters = deadLetters;
        this.health = health;
        this.filter = filter;
        this.tracer = openTelemetry.getTracer(IdempotentConsumer.class.getPackageName());
    }

    /**
     * Applies {@code effect} to the record's event once, if its type is handled; other types are
     * acknowledged at once, without a transaction (a consumer that reads a topic from its start skips
     * most of it cheaply). Completes when the record is applied, skipped or set aside.
     */
    public Uni<Void> apply(String consumer, EventTypes types, ConsumerRecord<String, String> record,
                           Function<CloudEvent, Uni<Void>> effect) {
        if (!filter.handles(consumer, types, record)) {
            return Uni.createFrom().voidItem();
        }
        Span span = tracer.spanBuilder(consumer + " process").startSpan();
        Uni<Void> applied;
        // Assembled while the span is current: context propagation hands it to every step (the effect's
        // outbox writes included), which a span made current only when the pipeline runs would not reach.
        try (Scope ignored = span.makeCurrent()) {
            applied = health.retryWhileTransient(consumer, where(record), () -> attemptHandled(consumer, record, effect))
                    .onFailure().recoverWithUni(failure -> {
                        if (deadLetters.stopping()) {
                            // Never completes: unacknowledged, so delivered again after the restart.
                            span.end();
                            return Uni.createFrom().nothing();
                        }
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR, "dead-lettered: " + Problems.describe(failure));
                        return deadLetters.record(consumer, record, failure);
                    });
        }
        return applied.onTermination().invoke(span::end);
    }

    /**
     * One attempt, without retry or dead-lettering: what {@link DeadLetterHandler#redeliver} runs.
     */
    public Uni<Void> attempt(String consumer, EventTypes types, ConsumerRecord<String, String> record,
                             Function<CloudEvent, Uni<Void>> effect) {
        if (!filter.handles(consumer, types, record)) {
            return Uni.createFrom().voidItem();
        }
        return attemptHandled(consumer, record, effect);
    }

    private Uni<Void> attemptHandled(String consumer, ConsumerRecord<String, String> record,
                                     Function<CloudEvent, Uni<Void>> effect) {
        CloudEvent event = CloudEvent.from(record, mapper);
        // Before the schema exists the record waits (a transient failure), rather than meeting missing tables.
        // Committed: the events the effect recorded go out now rather than at the relay's next poll.
        return migrations.requireMigrated().chain(() -> Panache.withTransaction(() -> firstDelivery(consumer, event.id())
                        .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem())))
                .invoke(relay::wake);
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
