package dev.salesplatform.analytics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.testkit.CatalogueEvents;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The event catalogue drives the projections: every type of the three topics is projected or
 * knowingly ignored, and every catalogue example (as is, with unknown extra fields, without each
 * optional field) is applied through the real broker without a dead letter; an unknown later
 * version is skipped and counted.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CatalogueContractTest {

    private static final String APPLIED = "SELECT event_id FROM analytics_a.applied_event WHERE event_id = ANY(?)"
            + " UNION SELECT event_id FROM analytics_b.applied_event WHERE event_id = ANY(?)";

    @Inject
    MeterRegistry registry;

    @ParameterizedTest
    @ValueSource(strings = {"sales.lead.events", "sales.deal.events", "sales.customer.events"})
    void everyCatalogueTypeIsProjectedOrKnowinglyIgnored(String topic) {
        for (String type : CatalogueEvents.types(topic)) {
            assertTrue(AnalyticsEventsConsumer.TYPES.known(type), type + " is in the catalogue but the projections"
                    + " neither use nor ignore it");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sales.lead.events", "sales.deal.events", "sales.customer.events"})
    void everyCatalogueEventIsAppliedOrIgnoredAndAnUnknownVersionIsSkippedAndCounted(String topic) {
        double unknownBefore = unknown(topic);
        CatalogueEvents.assertConsumed(topic, AnalyticsEventsConsumer.TYPES.handled()::contains,
                ids -> TestDatabase.strings(APPLIED, ids, ids), TestDatabase::deadLettered);
        assertEquals(unknownBefore + 1, unknown(topic));
    }

    private double unknown(String topic) {
        Counter counter = registry.find("events.unknown.type").tags("consumer", AnalyticsEventsConsumer.CONSUMER,
                "topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }
}
