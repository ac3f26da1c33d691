package dev.salesplatform.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.mutiny.Uni;

/**
 * A consumer that applies each event once ({@link IdempotentConsumer}) and whose dead letters can be
 * redelivered: a subclass names itself ({@link #consumer}), what it does with each type
 * ({@link #types}) and its effect ({@link #onEvent}); its {@code @Incoming} method calls {@link #apply}.
 * A subclass is {@code @Singleton}: it takes the kit's consumer in its injected constructor, and a
 * client proxy (normal scopes) would need a constructor without it.
 */
public abstract class IdempotentEventHandler implements DeadLetterHandler {

    private final IdempotentConsumer idempotentConsumer;

    /** A subclass's injected constructor passes the kit's consumer on. */
    protected IdempotentEventHandler(IdempotentConsumer idempotentConsumer) {
        this.idempotentConsumer = idempotentConsumer;
    }

    /** The types this consumer handles and those it knowingly ignores. */
    protected abstract EventTypes types();

    /** The effect of one handled event, inside the transaction that marks it processed. */
    protected abstract Uni<Void> onEvent(CloudEvent event);

    /** Applies the record's event once; completes when it is applied, skipped or set aside. */
    protected Uni<Void> apply(ConsumerRecord<String, String> record) {
        return idempotentConsumer.apply(consumer(), types(), record, this::onEvent);
    }

    @Override
    public Uni<Void> redeliver(ConsumerRecord<String, String> record) {
        return idempotentConsumer.attempt(consumer(), types(), record, this::onEvent);
    }
}
