package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The Kafka brokers of the running stack (one, or every broker of its cluster) become unreachable
 * (frozen with SIGSTOP) while leads are created: every write is still accepted, the outbox relay
 * reports the outage and keeps the backlog, and once the brokers are back analytics counts every
 * one of those leads.
 */
class BrokerOutageE2eTest {

    static final String SAM_SDR_ID = "00000000-0000-7000-8000-000000000002";
    static final int LEADS = 10;

    @Test
    void leadsCreatedWhileTheBrokerIsDownAllReachAnalytics() throws Exception {
        List<Long> kafka = LocalStack.kafkaPids();
        assumeTrue(!kafka.isEmpty(), "needs the local stack of ./platform up (no Kafka pid file in "
                + LocalStack.PLATFORM_DIR.resolve("run") + ")");
        String sdr = Stack.userToken("sam.sdr");
        String manager = Stack.userToken("morgan.manager");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String from = today.minusDays(1).toString();
        String to = today.plusDays(2).toString();
        int before = createdBySam(manager, from, to);
        // With N instances the relay that holds the backlog says so; pending counts the whole outbox.
        int instances = Math.max(1, LocalStack.LEAD.readyInstances());

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
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> IntStream
                    .range(0, instances).anyMatch(instance -> reportsOutage(LocalStack.LEAD.management(instance))));
        } finally {
            signal("CONT", kafka);
        }

        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> createdBySam(manager, from, to) >= before + LEADS);
        assertEquals(before + LEADS, createdBySam(manager, from, to), "each lead counted exactly once");
    }

    /** The instance's outbox relay names its last error and sees every outage lead still pending. */
    static boolean reportsOutage(String management) {
        var relay = given().when().get(management + "/q/health/ready").then().extract().jsonPath();
        Integer pending = relay.get("checks.find { it.name == 'outbox-relay' }.data.pending");
        return relay.get("checks.find { it.name == 'outbox-relay' }.data.lastError") != null
                && pending != null && pending >= LEADS;
    }

    static int createdBySam(String managerToken, String from, String to) {
        return given().auth().oauth2(managerToken)
                .queryParam("from", from).queryParam("to", to).queryParam("owner", SAM_SDR_ID)
                .when().get(Stack.GATEWAY + "/api/v1/analytics/funnel")
                .then().statusCode(200).extract().path("created");
    }

    static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, kill.waitFor(), String.join(" ", command));
    }
}
