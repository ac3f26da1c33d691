package dev.salesplatform.kit.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.mutiny.Uni;

/** A consumer whose dead letters can be redelivered: one bean per consumer name. */
public interface DeadLetterHandler {

    /** The name its dead letters are recorded under. */
    String consumer();

    /**
     * Applies the record once more, as when it was first consumed but without retrying or
     * dead-lettering: a failure says why it still cannot be applied. Idempotent on {@code ce_id}.
     */
    Uni<Void> redeliver(ConsumerRecord<String, String> record);
}
