package dev.salesplatform.lead.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.CloudEventRecord;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** customer.referral-made.v1 from the real broker becomes one REFERRAL lead, however often it arrives. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ReferralConsumerTest {

    static final String TOPIC = "sales.customer.events";
    static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-000000000006");

    static void referral(String eventId, String referralId, String customerId, String email) {
        String payload = """
                {"referralId": "%s", "customerId": "%s", "companyName": "Babbage & Co",
                 "contactFirstName": "Charles", "contactLastName": "Babbage", "contactEmail": "%s",
                 "contactPhone": null, "contactTitle": "Founder", "note": "Met at our user day",
                 "occurredAt": "%s", "actorId": "00000000-0000-7000-8000-000000000005", "aggregateVersion": 3}"""
                .formatted(referralId, customerId, email, TestClock.current().instant());
        event("customer.referral-made.v1", customerId).id(eventId).payload(payload).send(TOPIC);
    }

    static CloudEventRecord event(String type, String subject) {
        return CloudEventRecord.of(type).source("/customer-success-service").subject(subject);
    }

    static List<String> leadsWithEmail(String email) {
        Response page = given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("q", email).when().get("/api/v1/leads").then().statusCode(200).extract().response();
        return page.path("items.id");
    }

    @Test
    void aReferralDeliveredTwiceOrRepublishedBecomesOneLead() {
        String customer = UUID.randomUUID().toString();
        String referralId = UUID.randomUUID().toString();
        String email = "charles-" + UUID.randomUUID() + "@babbage.example";
        String eventId = UUID.randomUUID().toString();
        referral(eventId, referralId, customer, email);
        referral(eventId, referralId, customer, email);
        // The same referral under another event id (a producer retry with a new id) is still one lead.
        referral(UUID.randomUUID().toString(), referralId, customer, email);
        // Same key, so after the three above on the partition: once it is a lead, they were all processed.
        String marker = "marker-" + UUID.randomUUID() + "@babbage.example";
        referral(UUID.randomUUID().toString(), UUID.randomUUID().toString(), customer, marker);

        await().atMost(Duration.ofSeconds(60)).until(() -> leadsWithEmail(marker).size() == 1);
        List<String> leads = leadsWithEmail(email);
        assertEquals(1, leads.size());
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .when().get("/api/v1/leads/" + leads.get(0))
                .then().statusCode(200)
                .body("source", equalTo("REFERRAL"))
                .body("firstName", equalTo("Charles"))
                .body("company.name", equalTo("Babbage & Co"))
                .body("status", equalTo("NEW"))
                .body("notes", equalTo("Referred by customer " + customer + ": Met at our user day"));
        List<ConsumerRecord<String, String>> created = TopicReader.readUntil("sales.lead.events",
                read -> read.stream().anyMatch(r -> leads.get(0).equals(r.key())), Duration.ofSeconds(30));
        assertEquals(1, created.stream().filter(r -> leads.get(0).equals(r.key())).count());
    }

    @Test
    void otherCustomerEventsAreIgnoredAndUnusableReferralsDeadLettered() {
        String customer = UUID.randomUUID().toString();
        event("customer.renewed.v1", customer).payload("{\"customerId\": \"" + customer + "\"}").send(TOPIC);
        String broken = UUID.randomUUID().toString();
        event("customer.referral-made.v1", broken).payload("""
                {"referralId": "r", "customerId": "%s", "contactFirstName": "", "contactLastName": "X",
                 "contactEmail": "not-an-email", "occurredAt": "2026-01-01T00:00:00Z", "actorId": "a",
                 "aggregateVersion": 1}""".formatted(broken)).send(TOPIC);
        String email = "after-" + UUID.randomUUID() + "@example.com";
        referral(UUID.randomUUID().toString(), UUID.randomUUID().toString(), broken, email);

        await().atMost(Duration.ofSeconds(60)).until(() -> leadsWithEmail(email).size() == 1);
        TopicReader.readUntil(TOPIC + ".dlq", read -> read.stream().anyMatch(r -> broken.equals(r.key())),
                Duration.ofSeconds(60));
    }
}
