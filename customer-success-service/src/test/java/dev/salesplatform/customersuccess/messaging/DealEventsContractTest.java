package dev.salesplatform.customersuccess.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.CatalogueEvents;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The event catalogue drives this consumer: every type of sales.deal.events is handled or knowingly
 * ignored, and every catalogue example (as is, with unknown extra fields, without each optional
 * field) goes through the real broker without a dead letter; an unknown later version is skipped
 * and counted.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealEventsContractTest {

    static final String TOPIC = "sales.deal.events";

    @Inject
    MeterRegistry registry;

    @Test
    void everyCatalogueTypeOfTheTopicIsHandledOrKnowinglyIgnored() {
        for (String type : CatalogueEvents.types(TOPIC)) {
            assertTrue(DealWonConsumer.TYPES.known(type), type + " is in the catalogue but DealWonConsumer neither handles nor ignores it");
        }
    }

    @Test
    void everyCatalogueEventIsAppliedOrIgnoredAndAnUnknownVersionIsSkippedAndCounted() {
        double unknownBefore = unknown();
        CatalogueEvents.assertConsumed(TOPIC, DealWonConsumer.TYPES.handled()::contains,
                ids -> TestDatabase.processed(DealWonConsumer.CONSUMER, ids), TestDatabase::deadLettered);
        assertEquals(unknownBefore + 1, unknown());
    }

    private double unknown() {
        Counter counter = registry.find("events.unknown.type").tag("consumer", DealWonConsumer.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }
}
