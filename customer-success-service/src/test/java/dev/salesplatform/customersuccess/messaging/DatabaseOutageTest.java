package dev.salesplatform.customersuccess.messaging;

import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.customersNamed;
import static dev.salesplatform.customersuccess.api.CustomerApi.send;
import static dev.salesplatform.customersuccess.api.CustomerApi.today;
import static dev.salesplatform.customersuccess.api.CustomerApi.won;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
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
 * PostgreSQL stops while won deals are on their way (some being applied, others sent during the
 * outage): the consumer waits and retries, nothing is dead-lettered, and once the database is back
 * every won deal is one customer.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DatabaseOutageTest {

    static final int BEFORE = 10;
    static final int DURING = 10;

    @Test
    void everyWonDealBecomesOneCustomerAfterTheDatabaseComesBack() {
        String prefix = "Outage-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < BEFORE; i++) {
            win(prefix, i, eventIds);
        }
        long restarted = DatabaseOutage.of(DealWonConsumer.CONSUMER, () -> {
            for (int i = BEFORE; i < BEFORE + DURING; i++) {
                win(prefix, i, eventIds);
            }
        });

        await().atMost(Duration.ofSeconds(90)).until(() -> customersNamed(prefix).size() == BEFORE + DURING);
        Duration recovered = DatabaseOutage.since(restarted);
        for (int i = 0; i < BEFORE + DURING; i++) {
            assertEquals(1, customersNamed(prefix + " n" + i + "x").size(), "one customer for won deal " + i);
        }
        assertEquals(Set.of(), TestDatabase.deadLettered(eventIds), "nothing dead-lettered");
        assertEquals(eventIds.size(), TestDatabase.processed(DealWonConsumer.CONSUMER, eventIds).size());
        await().atMost(Duration.ofSeconds(30)).until(() -> Management.given().when().get("/q/health/ready").statusCode() == 200);
        System.out.printf("database outage: %d won deals in flight, outage %d s, all applied %d ms after the restart,"
                + " 0 dead-lettered%n", BEFORE + DURING, DatabaseOutage.LENGTH.toSeconds(), recovered.toMillis());
    }

    static void win(String prefix, int i, List<String> eventIds) {
        String deal = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        eventIds.add(eventId);
        String name = company(prefix + " n" + i + "x");
        send(eventId, deal, won(deal, name, null, today(), 12, "100.00", "EUR"));
    }
}
