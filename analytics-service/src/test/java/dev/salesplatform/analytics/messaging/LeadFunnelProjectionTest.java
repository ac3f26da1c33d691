package dev.salesplatform.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.CloudEventRecord;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Real lead events through the real broker: the funnel counts each lead once, on event time, in a
 * half-open period; poison records go to the dead-letter topic without stopping the partition.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadFunnelProjectionTest {

    static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-000000000006");
    static final String TOPIC = "sales.lead.events";

    static void leadCreated(String eventId, UUID leadId, Instant at, String source, UUID owner) {
        leadCreated(leadId.toString(), eventId, leadId, at, source, owner);
    }

    static void leadCreated(String key, String eventId, UUID leadId, Instant at, String source, UUID owner) {
        String payload = """
                {"leadId": "%s", "firstName": "A", "lastName": "B", "email": "a@example.com", "phone": null,
                 "title": null, "company": null, "source": "%s", "status": "NEW", "ownerId": %s,
                 "occurredAt": "%s", "actorId": "test", "aggregateVersion": 0, "someFutureField": 1}"""
                .formatted(leadId, source, owner == null ? "null" : "\"" + owner + "\"", at);
        // The key may be another aggregate's (same partition), the subject is the lead's.
        CloudEventRecord.of("lead.created.v1").id(eventId).source("/lead-service").subject(key)
                .header("ce_subject", leadId.toString()).time(at).payload(payload).send(TOPIC);
    }

    static int created(String from, String to, String owner) {
        var request = given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("from", from).queryParam("to", to);
        if (owner != null) {
            request.queryParam("owner", owner);
        }
        return request.when().get("/api/v1/analytics/funnel").then().statusCode(200).extract().path("created");
    }

    @Test
    void countsEachLeadOnceInItsHalfOpenPeriod() {
        UUID owner = UUID.randomUUID();
        // A period of its own, far in the past, so that other tests' leads do not count.
        Instant start = Instant.parse("2011-03-01T00:00:00Z");
        Instant end = Instant.parse("2011-04-01T00:00:00Z");
        leadCreated(UUID.randomUUID().toString(), UUID.randomUUID(), start, "WEB_FORM", owner);
        leadCreated(UUID.randomUUID().toString(), UUID.randomUUID(), end.minusNanos(1000), "EVENT", owner);
        leadCreated(UUID.randomUUID().toString(), UUID.randomUUID(), end, "WEB_FORM", owner);
        leadCreated(UUID.randomUUID().toString(), UUID.randomUUID(), start.minusNanos(1000), "WEB_FORM", owner);
        UUID duplicated = UUID.randomUUID();
        String duplicatedEventId = UUID.randomUUID().toString();
        leadCreated(duplicatedEventId, duplicated, start.plusSeconds(60), "REFERRAL", null);
        leadCreated(duplicatedEventId, duplicated, start.plusSeconds(60), "REFERRAL", null);
        // Same key, so same partition, after the duplicate: once it counts, both deliveries were processed.
        leadCreated(duplicated.toString(), UUID.randomUUID().toString(), UUID.randomUUID(),
                Instant.parse("2011-06-15T00:00:00Z"), "OTHER", owner);

        await().atMost(Duration.ofSeconds(60)).until(() -> created("2011-06-01", "2011-07-01", owner.toString()) == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(3, created("2011-03-01", "2011-04-01", null));
            assertEquals(2, created("2011-03-01", "2011-04-01", owner.toString()));
            assertEquals(1, created("2011-04-01", "2011-05-01", owner.toString()));
            assertEquals(1, created("2011-02-01", "2011-03-01", owner.toString()));
        });
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("from", "2011-03-01").queryParam("to", "2011-04-01").queryParam("source", "REFERRAL")
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(200)
                .body("created", equalTo(1))
                .body("from", equalTo("2011-03-01T00:00:00Z"))
                .body("to", equalTo("2011-04-01T00:00:00Z"));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndProcessingContinues() {
        UUID poisonKey = UUID.randomUUID();
        CloudEventRecord.of("lead.created.v1").source("/lead-service").subject(poisonKey.toString()).time(Instant.parse("2012-01-09T00:00:00Z"))
                .payload("this is not json").send(TOPIC);
        UUID noHeaders = UUID.randomUUID();
        TopicReader.send(TOPIC, noHeaders.toString(), "{}");
        UUID after = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        leadCreated(UUID.randomUUID().toString(), after, Instant.parse("2012-01-10T00:00:00Z"), "EVENT", owner);

        await().atMost(Duration.ofSeconds(60)).until(() -> created("2012-01-01", "2012-02-01", owner.toString()) == 1);
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(TOPIC + ".dlq",
                read -> read.stream().map(ConsumerRecord::key).toList().containsAll(
                        List.of(poisonKey.toString(), noHeaders.toString())),
                Duration.ofSeconds(60));
        ConsumerRecord<String, String> poison = dead.stream()
                .filter(r -> poisonKey.toString().equals(r.key())).findFirst().orElseThrow();
        assertEquals("this is not json", poison.value());
        assertNotNull(TopicReader.header(poison, "dead-letter-reason"));
    }

    @Test
    void dataTheDatabaseRefusesIsDeadLetteredAndTheRestOfTheBatchApplied() {
        UUID deal = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        Instant at = Instant.parse("2012-05-10T00:00:00Z");
        EventLog log = new EventLog()
                // An amount beyond numeric(15,3): the database refuses it, whatever the retries.
                .deal("deal.created.v1", deal, at, 0, "\"ownerId\": \"" + owner + "\", \"pipelineId\": \""
                        + UUID.randomUUID() + "\", \"stage\": \"DISCOVERY\", \"winProbability\": \"0.2\", "
                        + "\"amount\": {\"amount\": \"99999999999999999.99\", \"currency\": \"EUR\"}")
                .lead("lead.created.v1", lead, at, 0, "\"source\": \"EVENT\", \"ownerId\": \"" + owner + "\"");
        log.sendInOrder();

        await().atMost(Duration.ofSeconds(60)).until(() -> created("2012-05-01", "2012-06-01", owner.toString()) == 1);
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil("sales.deal.events.dlq",
                read -> read.stream().anyMatch(r -> deal.toString().equals(r.key())), Duration.ofSeconds(60));
        ConsumerRecord<String, String> refused = dead.stream().filter(r -> deal.toString().equals(r.key()))
                .findFirst().orElseThrow();
        assertNotNull(TopicReader.header(refused, "dead-letter-reason"));
        assertEquals("deal.created.v1", TopicReader.header(refused, "ce_type"));
    }

    @Test
    void badPeriodsAndFiltersAnswer400() {
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("from", "last-week")
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("from"));
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("from", "2026-02-01").queryParam("to", "2026-01-01")
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("owner", "bob")
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("owner"));
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("source", "TV")
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("source"));
    }

    @Test
    void onlyManagersAndAdminsReadTheFunnel() {
        given().when().get("/api/v1/analytics/funnel")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.forged(MANAGER, "sales-manager"))
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "sdr"))
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "admin"))
                .when().get("/api/v1/analytics/funnel")
                .then().statusCode(200);
    }
}
