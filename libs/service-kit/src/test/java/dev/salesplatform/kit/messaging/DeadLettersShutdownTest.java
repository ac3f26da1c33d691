package dev.salesplatform.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;

/**
 * While the service shuts down nothing is set aside, for any consumer: the record stays unacknowledged
 * (its Uni never completes) and is delivered again after the restart. Neither the database nor the
 * dead-letter topic is touched, which the null pool, health and emitter here would show at once.
 */
class DeadLettersShutdownTest {

    @Test
    void aFailureDuringShutdownIsNeitherStoredNorAcknowledged() {
        DeadLetters deadLetters = new DeadLetters(null, null, null, null, null, null);
        assertFalse(deadLetters.stopping());
        deadLetters.stop(null);
        assertTrue(deadLetters.stopping());

        UniAssertSubscriber<Void> outcome = deadLetters.record("analytics-service",
                        new ConsumerRecord<>("sales.lead.events", 0, 42L, "key", "{}"),
                        new IllegalStateException("Pool closed"))
                .subscribe().withSubscriber(UniAssertSubscriber.create());

        outcome.assertSubscribed().assertNotTerminated();
    }
}
