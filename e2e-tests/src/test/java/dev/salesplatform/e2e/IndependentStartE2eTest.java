package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.TcpGate;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Independent releases: an extra lead-service started while PostgreSQL, Kafka and Keycloak are all
 * away (each behind a shut gate) stays up, live and not ready, says why, and answers the API 503; as
 * its dependencies come back one by one its readiness follows, and once all answer it serves: a lead
 * created through it is stored and its event published.
 */
class IndependentStartE2eTest {

    static final String LEAD_EVENTS = "sales.lead.events";
    static final String PROBLEM = "application/problem+json";
    static final String MIGRATIONS = "checks.find { it.name == 'database-migrations' }";
    static final String TOPICS = "checks.find { it.name == 'kafka-topics' }";

    @Test
    void leadServiceStartsWithoutItsDependenciesAndServesOnceTheyAnswer() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String sdr = Stack.userToken("independent-sdr-" + marker, "sdr");
        try (TcpGate postgres = TcpGate.shutInFrontOf(ServiceInstance.HOST, 15432);
             TcpGate kafka = TcpGate.shutInFrontOf(ServiceInstance.HOST, 9092);
             TcpGate keycloak = TcpGate.shutInFrontOf(ServiceInstance.HOST, 8180);
             ServiceInstance lead = ServiceInstance.leadService("independent-start", new ServiceInstance.Dependencies(
                     ServiceInstance.HOST + ":" + postgres.port(), ServiceInstance.HOST + ":" + kafka.port(),
                     "http://" + ServiceInstance.HOST + ":" + keycloak.port()))) {

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .failFast("lead-service ended without its dependencies", () -> !lead.isAlive())
                    .until(() -> ServiceInstance.status(lead.management() + "/q/health/live") == 200);
            readiness(lead).statusCode(503)
                    .body(MIGRATIONS + ".status", is("DOWN"))
                    .body(TOPICS + ".status", is("DOWN"))
                    .body(TOPICS + ".data.kafka", containsString("not reachable"));
            createLead(lead, sdr, marker).statusCode(503).contentType(startsWith(PROBLEM)).body("status", is(503));

            postgres.open();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> readiness(lead)
                    .statusCode(503)
                    .body(MIGRATIONS + ".status", is("UP"))
                    .body(TOPICS + ".status", is("DOWN")));

            kafka.open();
            lead.awaitReady(Duration.ofSeconds(30));
            assertTrue(lead.isAlive(), "still the process started without its dependencies");

            createLead(lead, sdr, marker).statusCode(503).contentType(startsWith(PROBLEM)).body("status", is(503));

            keycloak.open();
            Map<TopicPartition, Long> before = EventLog.endOffsets(LEAD_EVENTS);
            String id = createLead(lead, sdr, marker).statusCode(201).extract().path("id");
            try (EventLog events = EventLog.from(LEAD_EVENTS, before)) {
                List<ConsumerRecord<String, String>> created = events.readUntil(read -> read.stream()
                        .anyMatch(record -> id.equals(record.key())), Duration.ofSeconds(30)).stream()
                        .filter(record -> id.equals(record.key())).toList();
                assertEquals("lead.created.v1", EventLog.header(created.getFirst(), "ce_type"));
            }
        }
    }

    private static ValidatableResponse readiness(ServiceInstance lead) {
        return given().when().get(lead.management() + "/q/health/ready").then();
    }

    private static ValidatableResponse createLead(ServiceInstance lead, String token, String marker) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                        {"firstName": "Independent", "lastName": "Start", "email": "independent-%s-%s@example.com",
                         "source": "OUTBOUND"}""".formatted(marker, UUID.randomUUID()))
                .when().post(lead.api() + "/api/v1/leads").then();
    }
}
