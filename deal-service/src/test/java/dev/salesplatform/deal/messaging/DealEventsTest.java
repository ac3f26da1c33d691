package dev.salesplatform.deal.messaging;

import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.patch;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealEventsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<ConsumerRecord<String, String>> eventsOf(String id, int count) {
        return TopicReader.readUntil("sales.deal.events",
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= count, Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
    }

    @Test
    void aWonDealsEventsMatchTheCatalogueAndCarryWhatOnboardingNeeds() throws Exception {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("Catalogue win"));
        patch(ae(me), id, "\"0\"", "{\"expectedCloseDate\": \"2027-04-30\"}").statusCode(200);
        stage(ae(me), id, "DEMO").statusCode(200);
        post(ae(me), "/api/v1/deals/" + id + "/win", winJson()).statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertEquals(List.of("deal.created.v1", "deal.updated.v1", "deal.stage-changed.v1", "deal.won.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
        assertEquals(List.of(0L, 1L, 2L, 3L),
                events.stream().map(r -> read(r).get("aggregateVersion").asLong()).toList());

        JsonNode created = read(events.get(0));
        assertEquals("DISCOVERY", created.get("stage").asText());
        assertEquals("48000.00", created.get("amount").get("amount").asText());
        assertEquals(me.toString(), created.get("ownerId").asText());

        JsonNode moved = read(events.get(2));
        assertEquals("DISCOVERY", moved.get("from").asText());
        assertEquals("DEMO", moved.get("to").asText());
        assertTrue(moved.get("secondsInPreviousStage").asLong() >= 0);

        JsonNode won = read(events.get(3));
        assertEquals(id, won.get("dealId").asText());
        assertEquals(me.toString(), won.get("ownerId").asText());
        assertTrue(won.get("leadId").isNull());
        assertEquals("Analytical Engines Ltd", won.get("companyName").asText());
        assertEquals("ada@example.com", won.get("contact").get("email").asText());
        assertEquals("45000.00", won.get("finalAmount").get("amount").asText());
        assertEquals("EUR", won.get("finalAmount").get("currency").asText());
        assertEquals("2027-04-01", won.get("contract").get("startDate").asText());
        assertEquals(12, won.get("contract").get("termMonths").asInt());
        assertEquals("3750.00", won.get("contract").get("monthlyRecurringRevenue").get("amount").asText());
        assertEquals("EUR", won.get("contract").get("monthlyRecurringRevenue").get("currency").asText());
        assertEquals("DEMO", won.get("from").asText());
        assertEquals("CLOSED_WON", won.get("stage").asText());
    }

    @Test
    void aLostDealsEventMatchesTheCatalogue() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("Catalogue loss"));
        post(ae(me), "/api/v1/deals/" + id + "/lose", "{\"reason\": \"NO_DECISION\"}").statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertEquals(List.of("deal.created.v1", "deal.lost.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
        JsonNode lost = read(events.get(1));
        assertEquals("NO_DECISION", lost.get("reason").asText());
        assertTrue(lost.get("competitor").isNull());
        assertEquals("CLOSED_LOST", lost.get("stage").asText());
        assertEquals("/deal-service", TopicReader.header(events.get(1), "ce_source"));
    }

    static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }
}
