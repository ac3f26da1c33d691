package dev.salesplatform.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * What broke analytics on an ordinary day, and must never again: a manager assigning a CSM, and a
 * record that cannot be applied. Each test then rebuilds from offset 0: the rebuild completes and
 * every figure reads back as before.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EventPipelineTest {

    static final String MANAGER = TestTokens.bearer(UUID.randomUUID(), "sales-manager");
    static final String ADMIN = TestTokens.bearer(UUID.randomUUID(), "admin");

    static ValidatableResponse read(String path, Map<String, String> query) {
        return given().header("Authorization", MANAGER).queryParams(query).when().get("/api/v1/analytics" + path)
                .then().statusCode(200);
    }

    static String figures(String path, Map<String, String> query) {
        return read(path, query).extract().asString().replaceAll("\"completeUntil\":\"[^\"]*\"", "");
    }

    static JsonPath rebuild() {
        String before = status().getString("id");
        String key = UUID.randomUUID().toString();
        String started = given().header("Authorization", ADMIN).header("Idempotency-Key", key)
                .when().post("/api/v1/analytics/rebuild").then().statusCode(202).extract().path("id");
        // A retried start answers the rebuild it started: neither 409 (one is running) nor a second rebuild.
        given().header("Authorization", ADMIN).header("Idempotency-Key", key)
                .when().post("/api/v1/analytics/rebuild").then().statusCode(202)
                .header("Idempotent-Replayed", "true").body("id", equalTo(started));
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            JsonPath status = status();
            return !String.valueOf(before).equals(status.getString("id")) && !"RUNNING".equals(status.getString("state"));
        });
        return status();
    }

    static JsonPath status() {
        return given().header("Authorization", ADMIN).when().get("/api/v1/analytics/rebuild").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aManagerAssigningAndReassigningACsmMovesTheCustomerAndTheRebuildCompletes() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        EventLog events = new EventLog()
                .customer("customer.onboarded.v1", customer, Instant.parse("2015-03-01T10:00:00Z"), 1,
                        "\"csmId\": null, \"contract\": {\"mrr\": {\"amount\": \"100.00\", \"currency\": \"EUR\"}}")
                .customer("customer.assigned.v1", customer, Instant.parse("2015-03-02T10:00:00Z"), 2,
                        "\"previousCsmId\": null, \"csmId\": \"" + first + "\"")
                .customer("customer.assigned.v1", customer, Instant.parse("2015-03-03T10:00:00Z"), 3,
                        "\"previousCsmId\": \"" + first + "\", \"csmId\": \"" + second + "\"");
        events.sendInOrder();
        Map<String, String> april = Map.of("from", "2015-04-01", "to", "2015-05-01", "csm", second.toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> read("/retention", april)
                .body("customers.start", equalTo(1)).body("customers.end", equalTo(1)));
        read("/retention", Map.of("from", "2015-04-01", "to", "2015-05-01", "csm", first.toString()))
                .body("customers.start", equalTo(0));
        String retained = figures("/retention", april);
        String formerCsm = figures("/retention", Map.of("from", "2015-04-01", "to", "2015-05-01", "csm", first.toString()));

        JsonPath rebuilt = rebuild();
        assertEquals("COMPLETED", rebuilt.getString("state"), "rebuild: " + rebuilt.prettify());
        assertEquals(rebuilt.getLong("recordsTotal"), rebuilt.getLong("recordsDone"));
        assertEquals(retained, figures("/retention", april));
        assertEquals(formerCsm, figures("/retention", Map.of("from", "2015-04-01", "to", "2015-05-01", "csm",
                first.toString())));
    }

    @Test
    void aRecordThatCannotBeAppliedIsSetAsideAloneAndTheRebuildSkipsAndCountsIt() {
        UUID owner = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID alsoGood = UUID.randomUUID();
        String created = "\"ownerId\": \"" + owner + "\", \"pipelineId\": \"01930000-0000-7000-8000-000000000001\","
                + " \"stage\": \"DISCOVERY\", \"winProbability\": \"0.2\", \"leadId\": null,"
                + " \"amount\": {\"amount\": \"1000.00\", \"currency\": \"EUR\"}, \"expectedCloseDate\": null";
        EventLog events = new EventLog()
                .deal("deal.created.v1", good, Instant.parse("2015-06-01T10:00:00Z"), 1, created)
                // No finalAmount: the won deal cannot be counted.
                .deal("deal.won.v1", poison, Instant.parse("2015-06-02T10:00:00Z"), 2, "\"ownerId\": \"" + owner
                        + "\", \"leadId\": null, \"stage\": \"CLOSED_WON\"")
                .deal("deal.created.v1", alsoGood, Instant.parse("2015-06-03T10:00:00Z"), 1, created);
        // One producer, in order, into one poll of the consumer as far as the broker allows.
        TopicReader.sendAll(events.records());
        String poisonId = events.id(1);
        Map<String, String> mine = Map.of("owner", owner.toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> read("/pipeline", mine)
                .body("stages.find { it.stage == 'DISCOVERY' }.count", equalTo(2)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestDatabase.deadLettered(List.of(poisonId)).isEmpty());
        assertEquals(Set.of(), TestDatabase.deadLettered(List.of(events.id(0), events.id(2))));
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil("sales.deal.events.dlq",
                read -> read.stream().anyMatch(r -> poisonId.equals(TopicReader.header(r, "ce_id"))),
                Duration.ofSeconds(30));
        ConsumerRecord<String, String> letter = dead.stream()
                .filter(r -> poisonId.equals(TopicReader.header(r, "ce_id"))).findFirst().orElseThrow();
        assertTrue(TopicReader.header(letter, "dead-letter-reason").contains("finalAmount"));
        assertEquals("dev.salesplatform.kit.messaging.InvalidEventException",
                TopicReader.header(letter, "dead-letter-exception"));
        assertEquals("analytics.events", TopicReader.header(letter, "dead-letter-consumer"));
        String pipeline = figures("/pipeline", mine);

        JsonPath rebuilt = rebuild();
        assertEquals("COMPLETED", rebuilt.getString("state"), "rebuild: " + rebuilt.prettify());
        assertTrue(rebuilt.getLong("recordsSkipped") >= 1, "skipped: " + rebuilt.prettify());
        List<String> reasons = rebuilt.getList("skipReasons");
        assertFalse(reasons.isEmpty());
        assertEquals(pipeline, figures("/pipeline", mine));
    }
}
