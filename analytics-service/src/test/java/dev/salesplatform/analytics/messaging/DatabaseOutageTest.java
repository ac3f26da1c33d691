package dev.salesplatform.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.DatabaseOutage;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL stops while events of all three topics are on their way: the batches wait and retry,
 * nothing is dead-lettered, and once the database is back every figure is exact.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DatabaseOutageTest {

    static final int LEADS = 20;
    static final String APPLIED = "SELECT event_id FROM analytics_a.applied_event WHERE event_id = ANY(?)"
            + " UNION SELECT event_id FROM analytics_b.applied_event WHERE event_id = ANY(?)";

    @Test
    void everyEventCountsOnceAfterTheDatabaseComesBack() {
        UUID sdr = UUID.randomUUID();
        Instant day = Instant.parse("2014-05-05T10:00:00Z");
        EventLog before = new EventLog();
        EventLog during = new EventLog();
        for (int i = 0; i < LEADS; i++) {
            EventLog log = i < LEADS / 2 ? before : during;
            UUID lead = UUID.randomUUID();
            log.lead("lead.created.v1", lead, day.plusSeconds(i), 1, "\"ownerId\": \"" + sdr + "\", \"source\": \"EVENT\"");
            log.lead("lead.activity-logged.v1", lead, day.plusSeconds(60 + i), 2, "\"ownerId\": \"" + sdr
                    + "\", \"status\": \"CONTACTED\", \"previousStatus\": \"NEW\"");
        }
        before.sendInOrder();
        long restarted = DatabaseOutage.of(AnalyticsEventsConsumer.CONSUMER, during::sendInOrder);

        String manager = TestTokens.bearer(UUID.randomUUID(), "sales-manager");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().header("Authorization", manager)
                .queryParam("from", "2014-05-01").queryParam("to", "2014-06-01").queryParam("owner", sdr.toString())
                .when().get("/api/v1/analytics/funnel").then().statusCode(200)
                .body("created", equalTo(LEADS)).body("stages[0].count", equalTo(LEADS)));
        Duration recovered = DatabaseOutage.since(restarted);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            ids.add(before.id(i));
            ids.add(during.id(i));
        }
        assertEquals(Set.of(), TestDatabase.deadLettered(ids), "nothing dead-lettered");
        assertEquals(ids.size(), TestDatabase.strings(APPLIED, ids, ids).size());
        await().atMost(Duration.ofSeconds(30)).until(() -> Management.given().when().get("/q/health/ready").statusCode() == 200);
        System.out.printf("database outage: %d events in flight, outage %d s, all applied %d ms after the restart,"
                + " 0 dead-lettered%n", ids.size(), DatabaseOutage.LENGTH.toSeconds(), recovered.toMillis());
    }
}
