package dev.salesplatform.deal.messaging;

import static dev.salesplatform.deal.api.DealApi.DEFAULT_PIPELINE;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.CloudEventRecord;
import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** lead.handed-off.v1 from the real broker opens exactly one deal per lead, for the named account executive. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadHandOffConsumerTest {

    static final String TOPIC = "sales.lead.events";
    static final String SDR = "00000000-0000-7000-8000-000000000001";

    static void handOff(String eventId, String leadId, UUID accountExecutive, String companyName, String amount) {
        handOff(leadId, eventId, leadId, accountExecutive, companyName, amount);
    }

    /** A hand-off sent under {@code key}: the lead's own id, or another one to share a partition with it. */
    static void handOff(String key, String eventId, String leadId, UUID accountExecutive, String companyName,
                        String amount) {
        String payload = """
                {"leadId": "%s", "ownerId": "%s", "accountExecutiveId": "%s",
                 "estimatedValue": {"amount": "%s", "currency": "EUR"}, "note": "Demo next week",
                 "companyName": %s,
                 "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": "ada@example.com", "phone": null,
                             "title": "CTO"},
                 "source": "WEB_FORM",
                 "qualification": {"budget": {"amount": "50000.00", "currency": "EUR"}, "authority": "CFO signs",
                                   "need": "Replace spreadsheets", "timeline": "2027-03-31"},
                 "occurredAt": "%s", "actorId": "%s", "aggregateVersion": 4}"""
                .formatted(leadId, SDR, accountExecutive, amount,
                        companyName == null ? "null" : "\"" + companyName + "\"", TestClock.current().instant(), SDR);
        TopicReader.send(TOPIC, key, payload, headers(eventId, "lead.handed-off.v1", leadId));
    }

    static Header[] headers(String id, String type, String subject) {
        return CloudEventRecord.of(type).id(id).source("/lead-service").subject(subject).headers();
    }

    static List<String> dealsOf(UUID owner) {
        return get(manager(), "/api/v1/deals?owner=" + owner).statusCode(200).extract().path("items.id");
    }

    @Test
    void aHandOffDeliveredTwiceOrRepeatedOpensOneDealForAnUnknownAccountExecutive() {
        UUID accountExecutive = UUID.randomUUID();
        String lead = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        handOff(eventId, lead, accountExecutive, "Analytical Engines Ltd", "48000.00");
        handOff(eventId, lead, accountExecutive, "Analytical Engines Ltd", "48000.00");
        // Another hand-off event of the same lead (a new event id) adds no second deal.
        handOff(UUID.randomUUID().toString(), lead, accountExecutive, "Analytical Engines Ltd", "99000.00");
        // Other lead events are ignored.
        TopicReader.send(TOPIC, lead, "{\"leadId\": \"" + lead + "\"}",
                headers(UUID.randomUUID().toString(), "lead.reopened.v1", lead));
        // Another lead's hand-off under the same key, so after the events above on the partition: once its deal
        // exists, they were all processed.
        UUID markerOwner = UUID.randomUUID();
        handOff(lead, UUID.randomUUID().toString(), UUID.randomUUID().toString(), markerOwner, null, "1.00");

        await().atMost(Duration.ofSeconds(60)).until(() -> dealsOf(markerOwner).size() == 1);
        List<String> deals = dealsOf(accountExecutive);
        assertEquals(1, deals.size());
        String deal = deals.get(0);
        get(manager(), "/api/v1/deals/" + deal).statusCode(200)
                .body("name", equalTo("Analytical Engines Ltd deal"))
                .body("ownerId", equalTo(accountExecutive.toString()))
                .body("leadId", equalTo(lead))
                .body("amount.amount", equalTo("48000.00"))
                .body("amount.currency", equalTo("EUR"))
                .body("contact.firstName", equalTo("Ada"))
                .body("contact.email", equalTo("ada@example.com"))
                .body("pipelineId", equalTo(DEFAULT_PIPELINE))
                .body("stage", equalTo("DISCOVERY"))
                .body("createdBy", equalTo(SDR));
        get(manager(), "/api/v1/deals/" + dealsOf(markerOwner).get(0)).statusCode(200)
                .body("name", equalTo("Ada Lovelace deal"))
                .body("companyName", nullValue());

        List<ConsumerRecord<String, String>> created = TopicReader.readUntil("sales.deal.events",
                read -> read.stream().anyMatch(r -> deal.equals(r.key())), Duration.ofSeconds(30));
        List<ConsumerRecord<String, String>> ofDeal = created.stream().filter(r -> deal.equals(r.key())).toList();
        assertEquals(1, ofDeal.size());
        EventCatalogue.assertMatches(ofDeal.get(0));
        assertEquals("deal.created.v1", TopicReader.header(ofDeal.get(0), "ce_type"));
    }

    @Test
    void unusableHandOffsAreDeadLetteredWithoutStoppingThePartition() {
        String broken = UUID.randomUUID().toString();
        TopicReader.send(TOPIC, broken, "{\"leadId\": \"" + broken + "\", \"accountExecutiveId\": \"nope\","
                        + " \"occurredAt\": \"2026-01-01T00:00:00Z\", \"actorId\": \"a\", \"aggregateVersion\": 1}",
                headers(UUID.randomUUID().toString(), "lead.handed-off.v1", broken));
        UUID after = UUID.randomUUID();
        handOff(UUID.randomUUID().toString(), broken, after, "After Ltd", "10.00");

        await().atMost(Duration.ofSeconds(60)).until(() -> dealsOf(after).size() == 1);
        TopicReader.readUntil(TOPIC + ".dlq", read -> read.stream().anyMatch(r -> broken.equals(r.key())),
                Duration.ofSeconds(60));
    }
}
