package dev.salesplatform.deal.messaging;

import static dev.salesplatform.deal.api.DealApi.admin;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import dev.salesplatform.kit.messaging.DeadLetters;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TestDatabase;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Dead letters through the admin API: listed with type, reason and failure class; redelivered after a
 * fix, once (a second redelivery changes nothing); one that still fails stays open with its attempts.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DeadLetterRedeliveryTest {

    static final String BASE = "/api/v1/dead-letters/deal-service";

    @Inject
    DeadLetters deadLetters;

    static List<String> dealsOf(UUID owner) {
        return get(manager(), "/api/v1/deals?owner=" + owner).statusCode(200).extract().path("items.id");
    }

    @Test
    void aPoisonHandOffIsListedAndStaysOpenWhenItFailsAgain() {
        String broken = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TopicReader.send(LeadHandOffConsumerTest.TOPIC, broken, "{\"leadId\": \"" + broken + "\","
                        + " \"accountExecutiveId\": \"nope\", \"occurredAt\": \"2026-01-01T00:00:00Z\", \"actorId\": \"a\","
                        + " \"aggregateVersion\": 1}",
                LeadHandOffConsumerTest.headers(eventId, "lead.handed-off.v1", broken));
        await().atMost(Duration.ofSeconds(60)).until(() -> !TestDatabase.deadLettered(List.of(eventId)).isEmpty());

        String id = get(admin(), BASE + "?status=OPEN&consumer=" + LeadHandOffConsumer.CONSUMER + "&limit=200")
                .statusCode(200)
                .body("items.eventId", hasItem(eventId))
                .extract().path("items.find { it.eventId == '" + eventId + "' }.id");
        get(admin(), BASE + "/" + id).statusCode(200)
                .body("eventType", equalTo("lead.handed-off.v1"))
                .body("consumer", equalTo("deal.lead-events"))
                .body("topic", equalTo("sales.lead.events"))
                .body("exception", equalTo("dev.salesplatform.kit.messaging.InvalidEventException"))
                .body("reason", notNullValue())
                .body("attempts", equalTo(1))
                .body("status", equalTo("OPEN"));

        post(admin(), BASE + "/" + id + "/redeliver", "").statusCode(200)
                .body("status", equalTo("OPEN")).body("attempts", equalTo(2)).body("redeliveredAt", nullValue());
    }

    @Test
    void aDeadLetterThatTheConsumerCanApplyNowIsRedeliveredOnce() throws Throwable {
        UUID accountExecutive = UUID.randomUUID();
        String lead = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String payload = """
                {"leadId": "%s", "ownerId": "%s", "accountExecutiveId": "%s",
                 "estimatedValue": {"amount": "12000.00", "currency": "EUR"}, "note": null, "companyName": "Redelivered Ltd",
                 "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": null, "phone": null, "title": null},
                 "source": "WEB_FORM", "qualification": null,
                 "occurredAt": "%s", "actorId": "%s", "aggregateVersion": 4}"""
                .formatted(lead, LeadHandOffConsumerTest.SDR, accountExecutive, TestClock.current().instant(),
                        LeadHandOffConsumerTest.SDR);
        RecordHeaders headers = new RecordHeaders(LeadHandOffConsumerTest.headers(eventId, "lead.handed-off.v1", lead));
        // As an earlier version of the service, which could not apply it, set it aside.
        ConsumerRecord<String, String> record = new ConsumerRecord<>(LeadHandOffConsumerTest.TOPIC, 0,
                Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L), ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, lead, payload,
                headers, Optional.empty());
        VertxContextSupport.subscribeAndAwait(() -> deadLetters.record(LeadHandOffConsumer.CONSUMER, record,
                new IllegalStateException("a bug since fixed")));
        String id = get(admin(), BASE + "?consumer=" + LeadHandOffConsumer.CONSUMER + "&limit=200").statusCode(200)
                .extract().path("items.find { it.eventId == '" + eventId + "' }.id");
        assertEquals(List.of(), dealsOf(accountExecutive));

        post(admin(), BASE + "/" + id + "/redeliver", "").statusCode(200)
                .body("status", equalTo("REDELIVERED")).body("redeliveredAt", notNullValue());
        assertEquals(1, dealsOf(accountExecutive).size());
        post(admin(), BASE + "/" + id + "/redeliver", "").statusCode(200).body("status", equalTo("REDELIVERED"));
        post(admin(), BASE + "/redeliver?consumer=" + LeadHandOffConsumer.CONSUMER, "").statusCode(200);
        assertEquals(1, dealsOf(accountExecutive).size());
        get(admin(), BASE + "?status=REDELIVERED&limit=200").statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void onlyAdminsReadAndBadInputIs4xx() {
        get(manager(), BASE).statusCode(403).contentType("application/problem+json");
        get(TestTokens.bearer(UUID.randomUUID(), "sdr"), BASE).statusCode(403);
        given().when().get(BASE).then().statusCode(401);
        post(manager(), BASE + "/redeliver", "").statusCode(403);
        get(admin(), "/api/v1/dead-letters/lead-service").statusCode(404).contentType("application/problem+json");
        get(admin(), BASE + "/not-a-uuid").statusCode(400).contentType("application/problem+json");
        get(admin(), BASE + "/" + UUID.randomUUID()).statusCode(404);
        post(admin(), BASE + "/" + UUID.randomUUID() + "/redeliver", "").statusCode(404);
        get(admin(), BASE + "?status=LOST").statusCode(400).body("errors[0].field", equalTo("status"));
        get(admin(), BASE + "?consumer=%00x").statusCode(400);
        get(admin(), BASE + "?limit=0").statusCode(400);
        get(admin(), BASE + "?cursor=" + Base64.getUrlEncoder().encodeToString(
                "x\u001Fy".getBytes(StandardCharsets.UTF_8))).statusCode(400);
    }
}
