package dev.salesplatform.lead.messaging;

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
 * The event catalogue drives this consumer: every type of sales.customer.events is handled or knowingly
 * ignored, and every catalogue example (as is, with unknown extra fields, without each optional
 * field) goes through the real broker without a dead letter; an unknown later version is skipped
 * and counted.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerEventsContractTest {

    static final String TOPIC = "sales.customer.events";

    @Inject
    MeterRegistry registry;

    @Test
    void everyCatalogueTypeOfTheTopicIsHandledOrKnowinglyIgnored() {
        for (String type : CatalogueEvents.types(TOPIC)) {
            assertTrue(ReferralConsumer.TYPES.known(type), type + " is in the catalogue but ReferralConsumer neither handles nor ignores it");
        }
    }

    @Test
    void everyCatalogueEventIsAppliedOrIgnoredAndAnUnknownVersionIsSkippedAndCounted() {
        double unknownBefore = unknown();
        CatalogueEvents.assertConsumed(TOPIC, ReferralConsumer.TYPES.handled()::contains,
                ids -> TestDatabase.processed(ReferralConsumer.CONSUMER, ids), TestDatabase::deadLettered);
        assertEquals(unknownBefore + 1, unknown());
    }

    private double unknown() {
        Counter counter = registry.find("events.unknown.type").tag("consumer", ReferralConsumer.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }
}
