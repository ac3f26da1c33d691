package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.PROBLEM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A database that is away is unavailability, not the caller's fault nor a crash: 503 problem+json
 * with Retry-After while it lasts (readiness DOWN), and no acknowledged lead is lost.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DatabaseUnavailableTest {

    static final int CREATES = 120;

    static Response createLead(String address) {
        return given().header("Authorization", sdr(SARA)).contentType(ContentType.JSON).body(leadJson(address))
                .when().post("/api/v1/leads");
    }

    @Test
    void whilePostgresIsStoppedWritesAnswer503WithRetryAfter() {
        createLead(email("before-outage")).then().statusCode(201);
        PlatformTestResource.stopPostgres();
        try {
            for (int i = 0; i < 10; i++) {
                createLead(email("during-outage")).then().statusCode(503).contentType(PROBLEM)
                        .header("Retry-After", "2").body("status", equalTo(503));
            }
            Management.given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        } finally {
            PlatformTestResource.startPostgres();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> createLead(email("after-outage")).statusCode() == 201);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> Management.given().when().get("/q/health/ready").statusCode() == 200);
    }

    /** What a restart or failover does to the pool: every connection cut, again and again, under load. */
    @Test
    void connectionsCutUnderLoadAnswer201Or503AndNoAcknowledgedLeadIsLost() throws Exception {
        ScheduledExecutorService cutter = Executors.newSingleThreadScheduledExecutor();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> acknowledged = new ArrayList<>();
        try {
            cutter.scheduleAtFixedRate(() -> TestDatabase.strings("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"), 0, 100, TimeUnit.MILLISECONDS);
            List<CompletableFuture<Response>> answers = new ArrayList<>();
            for (int i = 0; i < CREATES; i++) {
                answers.add(CompletableFuture.supplyAsync(() -> createLead(email("cut")), clients));
            }
            for (CompletableFuture<Response> answer : answers) {
                Response response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() == 201) {
                    acknowledged.add(response.path("id"));
                } else {
                    assertEquals(503, response.statusCode(), response.asString());
                    assertEquals(PROBLEM, response.contentType().split(";")[0]);
                    assertNotNull(response.header("Retry-After"));
                }
            }
        } finally {
            cutter.shutdownNow();
            clients.shutdownNow();
            assertTrue(cutter.awaitTermination(10, TimeUnit.SECONDS));
        }
        System.out.println("connections cut under load, answers by status: " + statuses);
        assertEquals(CREATES, statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses.toString());
        assertEquals(acknowledged.size(), TestDatabase.strings("SELECT id::text FROM lead WHERE id::text = ANY(?)", acknowledged).size(),
                "every acknowledged lead is stored: " + statuses);
    }
}
