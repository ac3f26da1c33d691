package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadImportResourceTest.CSV;
import static dev.salesplatform.lead.api.LeadImportResourceTest.IMPORTS;
import static dev.salesplatform.lead.api.LeadImportResourceTest.PROBLEM;
import static dev.salesplatform.lead.api.LeadImportResourceTest.email;
import static dev.salesplatform.lead.api.LeadImportResourceTest.integration;
import static dev.salesplatform.lead.api.LeadImportResourceTest.submit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;

/** The import limits, set small: rows per import, body size (declared or not), errors kept. */
@QuarkusTest
@TestProfile(LeadImportLimitsTest.SmallLimits.class)
@WithTestResource(PlatformTestResource.class)
class LeadImportLimitsTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesplatform.leads.import.max-rows", "5",
                    "salesplatform.leads.import.max-body-size", "64K",
                    "salesplatform.leads.import.max-errors", "3");
        }
    }

    @Inject
    Pool pool;

    static String rows(int count) {
        StringBuilder csv = new StringBuilder("firstName,lastName,email,source\n");
        for (int i = 0; i < count; i++) {
            csv.append("A,B,").append(email("limit")).append(",EVENT\n");
        }
        return csv.toString();
    }

    @Test
    void anImportTakesAtMostTheConfiguredRows() {
        submit(integration(UUID.randomUUID()), CSV, rows(6), null)
                .statusCode(413).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/payload-too-large"))
                .body("detail", containsString("at most 5 rows"));
        Response done = LeadImportResourceTest.importAndWait(integration(UUID.randomUUID()), CSV, rows(5), null);
        LeadImportResourceTest.assertCounts(done, 5, 5, 0, 0, 0);
    }

    @Test
    void aBodyOverTheImportLimitIs413WithOrWithoutADeclaredLength() throws IOException, InterruptedException {
        byte[] big = ("firstName,lastName,email,source,notes\n" + ("A,B,a@b.example,EVENT," + "n".repeat(1000) + "\n")
                .repeat(70)).getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length > 64 * 1024);
        long imports = pool.query("SELECT count(*) FROM lead_import").executeAndAwait().iterator().next().getLong(0);
        submit(integration(UUID.randomUUID()), CSV, new String(big, StandardCharsets.UTF_8), null)
                .statusCode(413).contentType(PROBLEM);
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + IMPORTS))
                        .header("Authorization", integration(UUID.randomUUID())).header("Content-Type", CSV)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
        // Whatever was staged of the refused bodies is dropped.
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.query("SELECT count(*) FROM lead_import")
                .executeAndAwait().iterator().next().getLong(0) == imports);
    }

    @Test
    void onlyTheFirstErrorsAreKeptButAllAreCounted() {
        String csv = "firstName,lastName,email,source\n,B,x,EVENT\nA,,y,EVENT\nA,B," + email("ok") + ",EVENT\n";
        Response done = LeadImportResourceTest.importAndWait(integration(UUID.randomUUID()), CSV, csv, null);
        LeadImportResourceTest.assertCounts(done, 3, 1, 0, 0, 2);
        assertEquals(List.of(
                LeadImportResourceTest.error(2, "email", "must be a well-formed email address"),
                LeadImportResourceTest.error(2, "firstName", LeadImportResourceTest.NOT_BLANK),
                LeadImportResourceTest.error(3, "email", "must be a well-formed email address")), done.path("errors"));
        assertEquals(4, done.<Integer>path("errorsTotal"));
        assertEquals(true, done.path("errorsTruncated"));
    }
}
