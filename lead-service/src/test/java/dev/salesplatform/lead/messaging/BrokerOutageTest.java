package dev.salesplatform.lead.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The broker dies while leads are created: writes still succeed and every event arrives once it returns. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class BrokerOutageTest {

    static final UUID SDR = UUID.fromString("00000000-0000-7000-8000-000000000002");
    static final int LEADS = 25;

    @Test
    void noEventIsLostWhileTheBrokerIsDown() {
        Set<String> ids = new HashSet<>();
        PlatformTestResource.killBroker();
        try {
            for (int i = 0; i < LEADS; i++) {
                ids.add(given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                        .contentType(ContentType.JSON)
                        .body("""
                                {"firstName": "Outage", "lastName": "Lead %d", "email": "outage-%s@example.com",
                                 "source": "OUTBOUND"}""".formatted(i, UUID.randomUUID()))
                        .when().post("/api/v1/leads")
                        .then().statusCode(201).extract().path("id"));
            }
            // The relay has felt the outage: it reports the failure and holds the backlog.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> Management.given()
                    .when().get("/q/health/ready")
                    .then().body("checks.find { it.name == 'outbox-relay' }.data.lastError", notNullValue())
                    .body("checks.find { it.name == 'outbox-relay' }.status", equalTo("UP")));
        } finally {
            PlatformTestResource.restartBroker();
        }

        TopicReader.readUntil("sales.lead.events",
                read -> read.stream().map(r -> r.key()).collect(Collectors.toSet()).containsAll(ids),
                Duration.ofSeconds(90));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Management.given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'outbox-relay' }.data.pending", equalTo(0)));
    }
}
