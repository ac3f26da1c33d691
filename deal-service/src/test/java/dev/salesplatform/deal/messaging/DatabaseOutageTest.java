package dev.salesplatform.deal.messaging;

import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.DatabaseOutage;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * PostgreSQL stops while hand-offs are on their way (some being applied, others sent during the
 * outage): the consumer waits and retries, nothing is dead-lettered, and once the database is back
 * every hand-off becomes exactly one deal.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DatabaseOutageTest {

    static final int BEFORE = 10;
    static final int DURING = 10;

    @Test
    void everyHandOffBecomesOneDealAfterTheDatabaseComesBack() {
        UUID accountExecutive = UUID.randomUUID();
        List<String> eventIds = new ArrayList<>();
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            handOff(accountExecutive, eventIds, leads, i);
        }
        long restarted = DatabaseOutage.of(LeadHandOffConsumer.CONSUMER, () -> {
            for (int i = BEFORE; i < BEFORE + DURING; i++) {
                handOff(accountExecutive, eventIds, leads, i);
            }
        });

        await().atMost(Duration.ofSeconds(90)).until(() -> dealsOf(accountExecutive).size() == BEFORE + DURING);
        Duration recovered = DatabaseOutage.since(restarted);
        assertEquals(BEFORE + DURING, dealsOf(accountExecutive).size());
        Set<String> leadsOfDeals = new HashSet<>(get(manager(), "/api/v1/deals?limit=200&owner=" + accountExecutive)
                .statusCode(200).extract().<List<String>>path("items.leadId"));
        assertEquals(new HashSet<>(leads), leadsOfDeals, "one deal per lead");
        assertEquals(Set.of(), TestDatabase.deadLettered(eventIds), "nothing dead-lettered");
        assertEquals(eventIds.size(), TestDatabase.processed(LeadHandOffConsumer.CONSUMER, eventIds).size());
        await().atMost(Duration.ofSeconds(30)).until(() -> Management.given().when().get("/q/health/ready").statusCode() == 200);
        System.out.printf("database outage: %d hand-offs in flight, outage %d s, all applied %d ms after the restart,"
                + " 0 dead-lettered%n", BEFORE + DURING, DatabaseOutage.LENGTH.toSeconds(), recovered.toMillis());
    }

    static void handOff(UUID accountExecutive, List<String> eventIds, List<String> leads, int i) {
        String lead = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        leads.add(lead);
        eventIds.add(eventId);
        LeadHandOffConsumerTest.handOff(eventId, lead, accountExecutive, "Outage " + i + " Ltd", "1000.00");
    }

    static List<String> dealsOf(UUID owner) {
        return get(manager(), "/api/v1/deals?limit=200&owner=" + owner).statusCode(200).extract().path("items.id");
    }
}
