package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The Kafka broker of the running stack becomes unreachable (frozen with SIGSTOP) while leads are
 * created: every write is still accepted, the outbox relay reports the outage and keeps the
 * backlog, and once the broker is back analytics counts every one of those leads.
 */
class BrokerOutageE2eTest {

    static final String SAM_SDR_ID = "00000000-0000-7000-8000-000000000002";
    static final int LEADS = 10;
    static final Path KAFKA_PID_FILE = Path.of(System.getProperty("e2e.platformDir", "../.platform"), "run", "kafka.pid");
    /** lead-service's management interface, where its readiness (the outbox relay's state) is served. */
    static final String LEAD_MANAGEMENT = System.getProperty("e2e.leadManagement", "http://127.0.0.1:9081");

    @Test
    void leadsCreatedWhileTheBrokerIsDownAllReachAnalytics() throws Exception {
        assumeTrue(Files.exists(KAFKA_PID_FILE), "needs the local stack of ./platform up (" + KAFKA_PID_FILE + ")");
        long kafka = kafkaPid();
        String sdr = Stack.userToken("sam.sdr");
        String manager = Stack.userToken("morgan.manager");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusDays(1).toString();
        String to = today.plusDays(2).toString();
        int before = createdBySam(manager, from, to);

        signal("STOP", kafka);
        try {
            for (int i = 0; i < LEADS; i++) {
                given().auth().oauth2(sdr).contentType(ContentType.JSON)
                        .body("""
                                {"firstName": "Outage", "lastName": "Lead %d", "email": "outage-%s@example.com",
                                 "source": "OUTBOUND"}""".formatted(i, UUID.randomUUID()))
                        .when().post(Stack.GATEWAY + "/api/v1/leads")
                        .then().statusCode(201);
            }
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                    .when().get(LEAD_MANAGEMENT + "/q/health/ready")
                    .then().body("checks.find { it.name == 'outbox-relay' }.data.lastError", notNullValue())
                    .body("checks.find { it.name == 'outbox-relay' }.data.pending", greaterThanOrEqualTo(LEADS)));
        } finally {
            signal("CONT", kafka);
        }

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> createdBySam(manager, from, to) >= before + LEADS);
        assertEquals(before + LEADS, createdBySam(manager, from, to), "each lead counted exactly once");
    }

    static int createdBySam(String managerToken, String from, String to) {
        return given().auth().oauth2(managerToken)
                .queryParam("from", from).queryParam("to", to).queryParam("owner", SAM_SDR_ID)
                .when().get(Stack.GATEWAY + "/api/v1/analytics/funnel")
                .then().statusCode(200).extract().path("created");
    }

    static long kafkaPid() throws IOException {
        Properties pidFile = new Properties();
        pidFile.load(new StringReader(Files.readString(KAFKA_PID_FILE)));
        return Long.parseLong(pidFile.getProperty("pid").trim());
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
