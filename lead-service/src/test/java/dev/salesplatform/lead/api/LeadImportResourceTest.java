package dev.salesplatform.lead.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.lead.domain.ImportColumn;
import dev.salesplatform.lead.service.LeadImportWorker;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadImportResourceTest {

    static final String IMPORTS = "/api/v1/lead-imports";
    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv; charset=UTF-8";
    static final String JSON = "application/json";
    static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-000000000006");
    static final UUID INTEGRATION_ID = UUID.fromString("00000000-0000-7000-8000-000000000100");
    static final String NOT_BLANK = "must not be blank";

    @Inject
    Pool pool;

    static String integration(UUID id) {
        return TestTokens.bearer(id, "integration");
    }

    static String manager() {
        return TestTokens.bearer(MANAGER, "sales-manager");
    }

    static String email(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    static ValidatableResponse submit(String token, String contentType, String body, String onDuplicate) {
        var request = given().header("Authorization", token).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (onDuplicate != null) {
            request.queryParam("onDuplicate", onDuplicate);
        }
        return request.when().post(IMPORTS).then();
    }

    /** Posts an import, checks the 202 answer and polls the job until it is done. */
    static Response importAndWait(String token, String contentType, String body, String onDuplicate) {
        String location = submit(token, contentType, body, onDuplicate)
                .statusCode(202)
                .header("Location", startsWith(IMPORTS + "/"))
                .body("status", equalTo("RECEIVED"))
                .extract().header("Location");
        return awaitDone(token, location, Duration.ofSeconds(60));
    }

    static Response awaitDone(String token, String location, Duration atMost) {
        return awaitDone(token, location, atMost, Duration.ofMillis(100));
    }

    static Response awaitDone(String token, String location, Duration atMost, Duration pollInterval) {
        return await().atMost(atMost).pollInterval(pollInterval)
                .until(() -> given().header("Authorization", token).when().get(location)
                                .then().statusCode(200).extract().response(),
                        job -> Set.of("COMPLETED", "FAILED").contains(job.<String>path("status")));
    }

    static void assertCounts(Response job, int total, int created, int updated, int skipped, int failed) {
        assertEquals(Map.of("total", total, "created", created, "updated", updated, "skipped", skipped, "failed", failed),
                job.path("counts"), job.asString());
    }

    static Map<String, Object> error(int row, String field, String message) {
        Map<String, Object> error = new HashMap<>();
        error.put("row", row);
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    /** The lead with this email (any case), as a manager reads it; null if there is none. */
    Response lead(String email) {
        var rows = pool.preparedQuery("SELECT id FROM lead WHERE lower(email) = lower($1)").executeAndAwait(Tuple.of(email));
        if (rows.size() == 0) {
            return null;
        }
        assertEquals(1, rows.size(), "leads with " + email);
        return given().header("Authorization", manager()).when().get("/api/v1/leads/" + rows.iterator().next().getUUID("id"))
                .then().statusCode(200).extract().response();
    }

    @Test
    void csvImportCreatesEveryLeadWithAllItsFields() {
        UUID caller = UUID.randomUUID();
        String ada = email("ada");
        String grace = email("grace");
        String csv = String.join(",", List.of(ImportColumn.values()).stream().map(ImportColumn::header).toList()) + "\n"
                + "Ada,Lovelace," + ada + ",+44 20 7946 0000,CTO,Analytical Engines Ltd,https://engines.example,120,"
                + "Computing,WEB_FORM,newsletter,email,autumn-launch,engines,banner,https://example.com/landing,"
                + "https://ref.example,12000.00,EUR,\"Met at the fair, keen\"\n"
                + "Grace,Hopper," + grace + ",,,,,,,REFERRAL,,,,,,,,,,\n";

        Response submitted = submit(integration(caller), CSV, csv, null)
                .statusCode(202)
                .contentType(JSON)
                .header("Location", startsWith(IMPORTS + "/"))
                .body("status", equalTo("RECEIVED"))
                .body("format", equalTo("CSV"))
                .body("onDuplicate", equalTo("SKIP"))
                .body("createdBy", equalTo(caller.toString()))
                .body("createdAt", notNullValue())
                .body("completedAt", nullValue())
                .body("errors.size()", equalTo(0))
                .body("errorsTotal", equalTo(0))
                .body("errorsTruncated", equalTo(false))
                .extract().response();
        assertCounts(submitted, 2, 0, 0, 0, 0);
        String id = submitted.path("id");
        assertEquals(IMPORTS + "/" + id, submitted.header("Location"));
        assertEquals(7, UUID.fromString(id).version());

        Response done = awaitDone(integration(caller), submitted.header("Location"), Duration.ofSeconds(60));
        assertEquals("COMPLETED", done.path("status"));
        assertCounts(done, 2, 2, 0, 0, 0);
        assertEquals(List.of(), done.path("errors"));
        assertNotNull(done.path("completedAt"));

        Response lead = lead(ada);
        assertEquals("Ada", lead.path("firstName"));
        assertEquals("+44 20 7946 0000", lead.path("phone"));
        assertEquals("CTO", lead.path("title"));
        assertEquals(Map.of("name", "Analytical Engines Ltd", "website", "https://engines.example", "employees", 120,
                "industry", "Computing"), lead.path("company"));
        assertEquals("WEB_FORM", lead.path("source"));
        assertEquals(Map.of("utmSource", "newsletter", "utmMedium", "email", "utmCampaign", "autumn-launch",
                "utmTerm", "engines", "utmContent", "banner", "landingPage", "https://example.com/landing",
                "referrer", "https://ref.example"), lead.path("attribution"));
        assertEquals(Map.of("amount", "12000.00", "currency", "EUR"), lead.path("estimatedValue"));
        assertEquals("Met at the fair, keen", lead.path("notes"));
        assertEquals("NEW", lead.path("status"));
        assertEquals("REFERRAL", lead(grace).path("source"));
        assertNull(lead(grace).path("company"));
    }

    @Test
    void jsonImportCreatesEveryLead() {
        UUID caller = UUID.randomUUID();
        String ada = email("json-ada");
        String grace = email("json-grace");
        String json = """
                [{"firstName": "Ada", "lastName": "Lovelace", "email": "%s", "source": "WEB_FORM", "title": "CTO",
                  "company": {"name": "Analytical Engines Ltd", "employees": 120},
                  "attribution": {"utmCampaign": "autumn-launch"},
                  "estimatedValue": {"amount": "12000.00", "currency": "EUR"}},
                 {"firstName": "Grace", "lastName": "Hopper", "email": "%s", "source": "EVENT"}]""".formatted(ada, grace);

        Response done = importAndWait(integration(caller), JSON, json, null);
        assertEquals("COMPLETED", done.path("status"));
        assertEquals("JSON", done.path("format"));
        assertCounts(done, 2, 2, 0, 0, 0);
        assertEquals(Map.of("amount", "12000.00", "currency", "EUR"), lead(ada).path("estimatedValue"));
        assertEquals("autumn-launch", lead(ada).path("attribution.utmCampaign"));
        assertEquals("EVENT", lead(grace).path("source"));
    }

    @Test
    void invalidCsvRowsFailWithEveryErrorWhileTheOthersAreImported() {
        String ada = email("mix-ada");
        String eve = email("mix-eve");
        String csv = "firstName,lastName,email,source,companyEmployees,estimatedAmount,estimatedCurrency\n"
                + "Ada,Lovelace," + ada + ",WEB_FORM,120,12000.00,EUR\n"
                + "," + "Hopper," + email("mix-grace") + ",REFERRAL,,,\n"
                + "Alan,Turing,not-an-email,EVENT,0,,\n"
                + "\n"
                + "Bob,Smith," + email("mix-bob") + ",CARRIER_PIGEON,many,-5,EUR\n"
                + "Carl,Gauss," + email("mix-carl") + ",WEB_FORM,,,,extra\n"
                + "Dora,Explorer," + email("mix-dora") + ",PARTNER,,12.5,\n"
                + "Eve,Adams," + eve + ",OTHER,5,,\n";
        List<Map<String, Object>> expected = List.of(
                error(3, "firstName", NOT_BLANK),
                error(4, "company.employees", "must be greater than or equal to 1"),
                error(4, "email", "must be a well-formed email address"),
                error(6, "company.employees", ImportColumn.WHOLE_NUMBER_MESSAGE),
                error(6, "estimatedValue.amount", "must not be negative"),
                error(6, "source", ImportColumn.SOURCE_MESSAGE),
                error(7, null, "has 8 cells but the header has 7 columns"),
                error(8, "estimatedValue.currency", "must not be null"));

        Response submitted = submit(integration(UUID.randomUUID()), CSV, csv, null).statusCode(202).extract().response();
        assertCounts(submitted, 7, 0, 0, 0, 5);
        assertEquals(expected, submitted.path("errors"));

        Response done = awaitDone(integration(UUID.fromString(submitted.path("createdBy"))),
                submitted.header("Location"), Duration.ofSeconds(60));
        assertEquals("COMPLETED", done.path("status"));
        assertCounts(done, 7, 2, 0, 0, 5);
        assertEquals(expected, done.path("errors"));
        assertEquals(8, done.<Integer>path("errorsTotal"));
        assertEquals(false, done.path("errorsTruncated"));
        assertEquals("Ada", lead(ada).path("firstName"));
        assertEquals("Eve", lead(eve).path("firstName"));
    }

    @Test
    void invalidJsonRowsFailWithTheirFieldsWhileTheOthersAreImported() {
        String ok = email("jmix-ok");
        String json = """
                [{"firstName": "Ann", "lastName": "Lee", "email": "%s", "source": "WEB_FORM"},
                 {"firstName": "Ann", "lastName": "Lee", "email": "%s", "source": "WEB_FORM", "ownerId": "me"},
                 "just text",
                 {"firstName": "Al", "lastName": "Bo", "email": "%s", "source": "WEB_FORM", "company": {"employees": "many"}},
                 {"firstName": "Al", "lastName": "Bo", "email": "%s", "source": "NOPE"},
                 {"firstName": "", "lastName": "Bo", "email": "%s", "source": "EVENT",
                  "estimatedValue": {"amount": "-1.00", "currency": "eur"}},
                 {"firstName": "Al", "lastName": "Bo", "email": "%s", "source": "EVENT", "company": {"size": 3}}]"""
                .formatted(ok, email("jmix"), email("jmix"), email("jmix"), email("jmix"), email("jmix"));

        Response done = importAndWait(integration(UUID.randomUUID()), JSON, json, null);
        assertEquals("COMPLETED", done.path("status"));
        assertCounts(done, 7, 1, 0, 0, 6);
        assertEquals(List.of(
                error(2, "ownerId", "is not a known field"),
                error(3, null, "must be a JSON object"),
                error(4, "company.employees", ImportColumn.WHOLE_NUMBER_MESSAGE),
                error(5, "source", ImportColumn.SOURCE_MESSAGE),
                error(6, "estimatedValue.amount", "must not be negative"),
                error(6, "estimatedValue.currency", "must be an ISO-4217 code such as EUR"),
                error(6, "firstName", NOT_BLANK),
                error(7, "company.size", "is not a known field")), done.path("errors"));
        assertEquals("Ann", lead(ok).path("firstName"));
    }

    @Test
    void duplicatesAreSkippedAgainstOpenLeadsAndEarlierRows() {
        String existing = email("dup");
        String twin = email("twin");
        given().header("Authorization", manager()).contentType(JSON)
                .body("{\"firstName\": \"Old\", \"lastName\": \"Lead\", \"email\": \"" + existing
                        + "\", \"title\": \"CTO\", \"source\": \"WEB_FORM\"}")
                .when().post("/api/v1/leads").then().statusCode(201);
        String csv = "firstName,lastName,email,source,title\n"
                + "New,Name," + existing.toUpperCase() + ",EVENT,CEO\n"
                + "Twin,One," + twin + ",EVENT,\n"
                + "Twin,Two," + twin.toUpperCase() + ",EVENT,Boss\n";

        Response done = importAndWait(integration(UUID.randomUUID()), CSV, csv, "skip");
        assertEquals("SKIP", done.path("onDuplicate"));
        assertCounts(done, 3, 1, 0, 2, 0);
        Response kept = lead(existing);
        assertEquals("Old", kept.path("firstName"));
        assertEquals("CTO", kept.path("title"));
        assertEquals("One", lead(twin).path("lastName"));
        assertNull(lead(twin).path("title"));
    }

    @Test
    void duplicatesAreUpdatedWithTheRowsFieldsWhenAsked() {
        String existing = email("upd");
        String twin = email("updtwin");
        given().header("Authorization", manager()).contentType(JSON)
                .body("{\"firstName\": \"Old\", \"lastName\": \"Lead\", \"email\": \"" + existing
                        + "\", \"title\": \"CTO\", \"source\": \"WEB_FORM\"}")
                .when().post("/api/v1/leads").then().statusCode(201);
        String csv = "firstName,lastName,email,source,title,notes\n"
                + "Old,Lead," + existing.toUpperCase() + ",WEB_FORM,CEO,\n"
                + "Twin,One," + twin + ",EVENT,,\n"
                + "Twin,One," + twin.toUpperCase() + ",EVENT,,Second row wins\n";

        Response done = importAndWait(manager(), CSV, csv, "UPDATE");
        assertEquals("UPDATE", done.path("onDuplicate"));
        assertCounts(done, 3, 1, 2, 0, 0);
        assertEquals("CEO", lead(existing).path("title"));
        assertEquals("Second row wins", lead(twin).path("notes"));
    }

    /**
     * An update through an import changes only what its caller may change by PATCH: the marketing
     * tool (which creates leads but edits none) and an SDR (who edits only their own) skip the others'
     * leads, each with its reason, and leave them as they were.
     */
    @Test
    void anImportUpdatesOnlyTheLeadsItsCallerMayEdit() {
        UUID sara = UUID.randomUUID();
        UUID sam = UUID.randomUUID();
        String saras = email("upd-sara");
        String sams = email("upd-sam");
        for (var owner : Map.of(sara, saras, sam, sams).entrySet()) {
            given().header("Authorization", TestTokens.bearer(owner.getKey(), "sdr")).contentType(JSON)
                    .body("{\"firstName\": \"Kept\", \"lastName\": \"Lead\", \"email\": \"" + owner.getValue()
                            + "\", \"title\": \"CTO\", \"notes\": \"SDR's notes\", \"source\": \"WEB_FORM\"}")
                    .when().post("/api/v1/leads").then().statusCode(201);
        }
        String csv = "firstName,lastName,email,source,title,notes\n"
                + "Over,Written," + saras + ",EVENT,CEO,Tool's notes\n"
                + "Over,Written," + sams + ",EVENT,CEO,Tool's notes\n";

        Response byTool = importAndWait(integration(UUID.randomUUID()), CSV, csv, "UPDATE");
        assertCounts(byTool, 2, 0, 0, 2, 0);
        assertEquals(List.of(2, 3), byTool.path("errors.row"));
        assertEquals(List.of(LeadImportWorker.NOT_EDITABLE, LeadImportWorker.NOT_EDITABLE), byTool.path("errors.message"));
        for (String address : List.of(saras, sams)) {
            Response kept = lead(address);
            assertEquals("Kept", kept.path("firstName"));
            assertEquals("WEB_FORM", kept.path("source"));
            assertEquals("SDR's notes", kept.path("notes"));
        }

        Response bySara = importAndWait(TestTokens.bearer(sara, "sdr"), CSV, csv, "UPDATE");
        assertCounts(bySara, 2, 0, 1, 1, 0);
        assertEquals(List.of(3), bySara.path("errors.row"));
        assertEquals("Over", lead(saras).path("firstName"));
        assertEquals("Tool's notes", lead(saras).path("notes"));
        assertEquals("Kept", lead(sams).path("firstName"));
    }

    @Test
    void aBodyThatBreaksOffImportsTheRowsBeforeAndFails() {
        String first = email("brk1");
        String second = email("brk2");
        String csv = "firstName,lastName,email,source\n"
                + "A,B," + first + ",EVENT\n"
                + "C,D," + second + ",EVENT\n"
                + "E,\"F\"x," + email("brk3") + ",EVENT\n"
                + "G,H," + email("brk4") + ",EVENT\n";
        Response failed = importAndWait(integration(UUID.randomUUID()), CSV, csv, null);
        assertEquals("FAILED", failed.path("status"));
        assertCounts(failed, 2, 2, 0, 0, 0);
        assertEquals(1, failed.<List<?>>path("errors").size());
        assertEquals(4, failed.<Integer>path("errors[0].row"));
        assertNull(failed.path("errors[0].field"));
        assertTrue(failed.<String>path("errors[0].message").startsWith("is not valid CSV"), failed.asString());
        assertNotNull(failed.path("completedAt"));
        assertEquals("A", lead(first).path("firstName"));

        String json = "[{\"firstName\": \"A\", \"lastName\": \"B\", \"email\": \"" + email("jbrk")
                + "\", \"source\": \"EVENT\"}, {\"firstName\": \"C\", \"lastName\": ";
        Response jsonFailed = importAndWait(integration(UUID.randomUUID()), JSON, json, null);
        assertEquals("FAILED", jsonFailed.path("status"));
        assertCounts(jsonFailed, 1, 1, 0, 0, 0);
        assertEquals(2, jsonFailed.<Integer>path("errors[0].row"));
        assertTrue(jsonFailed.<String>path("errors[0].message").startsWith("is not valid JSON"));
    }

    @Test
    void bodiesThatHoldNoRowsAreRefused() {
        String token = integration(UUID.randomUUID());
        submit(token, CSV, "", null).statusCode(400).contentType(PROBLEM).body("detail", containsString("empty"));
        submit(token, JSON, "", null).statusCode(400).contentType(PROBLEM).body("detail", containsString("empty"));
        submit(token, JSON, "[]", null).statusCode(400).contentType(PROBLEM).body("detail", containsString("no rows"));
        submit(token, CSV, "firstName,lastName,email,source\n\n", null).statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("no rows"));
        submit(token, JSON, "{\"firstName\": \"Ada\"}", null).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/malformed-body"));
        submit(token, JSON, "[{\"firstName\": ", null).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/malformed-body"))
                .body("detail", startsWith("Row 1 is not valid JSON"));
        submit(token, CSV, "firstName,\"lastName\nA,B", null).statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/malformed-body"));
        given().header("Authorization", token).queryParam("limit", 200).when().get(IMPORTS)
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aCsvHeaderWithUnknownOrMissingColumnsIsRefusedUpFront() {
        submit(integration(UUID.randomUUID()), CSV, "firstName,lastName,email,ownerId,score\nA,B,c@d.example,x,1\n", null)
                .statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/invalid-csv-header"))
                .body("detail", containsString("'ownerId' is not a known column"))
                .body("columnErrors", equalTo(List.of(
                        Map.of("field", "ownerId", "message", "is not a known column"),
                        Map.of("field", "score", "message", "is not a known column"),
                        Map.of("field", "source", "message", "is a required column"))))
                .body("knownColumns", hasItem("companyEmployees"));
    }

    @Test
    void badParametersAndMediaTypesAnswerProblems() {
        String token = integration(UUID.randomUUID());
        String csv = "firstName,lastName,email,source\nA,B," + email("p") + ",EVENT\n";
        submit(token, CSV, csv, "merge").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("onDuplicate"));
        submit(token, "application/xml", "<leads/>", null).statusCode(415).contentType(PROBLEM);
        submit(token, "text/plain", csv, null).statusCode(415).contentType(PROBLEM);
        submit(token, "text/csv; charset=no-such-charset", csv, null).statusCode(415).contentType(PROBLEM);
        given().header("Authorization", token).body(csv.getBytes(StandardCharsets.UTF_8)).when().post(IMPORTS)
                .then().statusCode(415).contentType(PROBLEM);
        given().header("Authorization", token).header("Idempotency-Key", "k".repeat(256)).contentType(CSV).body(csv)
                .when().post(IMPORTS).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("Idempotency-Key"));
        given().header("Authorization", token).when().get(IMPORTS + "/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("id"));
        given().header("Authorization", token).when().get(IMPORTS + "/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/not-found"));
        given().header("Authorization", token).queryParam("limit", 0).when().get(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
        given().header("Authorization", token).queryParam("cursor", "%%%").when().get(IMPORTS)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        given().header("Authorization", token).when().delete(IMPORTS).then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void aCsvInAnotherDeclaredCharsetIsReadInIt() {
        String email = email("latin");
        byte[] csv = ("firstName,lastName,email,source\nJosé,Müller," + email + ",EVENT\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        String location = given().header("Authorization", integration(INTEGRATION_ID)).contentType("text/csv; charset=ISO-8859-1")
                .body(csv).when().post(IMPORTS).then().statusCode(202).extract().header("Location");
        assertEquals("COMPLETED", awaitDone(integration(INTEGRATION_ID), location, Duration.ofSeconds(60)).path("status"));
        assertEquals("José", lead(email).path("firstName"));
        assertEquals("Müller", lead(email).path("lastName"));
    }

    @Test
    void aDeclaredLengthOverTheImportLimitIs413BeforeTheBodyIsRead() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + IMPORTS + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
                    + "Authorization: " + integration(UUID.randomUUID()) + "\r\n"
                    + "Content-Length: " + (64L * 1024 * 1024 + 1) + "\r\n\r\nfirstName,lastName\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(socket.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains(PROBLEM), answer);
            assertTrue(answer.contains("\"status\":413"), answer);
        }
    }

    @Test
    void largeBodiesAreTakenOnlyByImportsAndErrorsAreCapped() throws IOException, InterruptedException {
        StringBuilder csv = new StringBuilder("firstName,lastName,email,source,companyEmployees,notes\n");
        String notes = "n".repeat(800);
        for (int i = 0; i < 1500; i++) {
            csv.append("A,B,not-an-email-").append(i).append(",EVENT,0,").append(notes).append('\n');
        }
        assertTrue(csv.length() > 1024 * 1024, "the body must be over the service's usual 1 MB limit");

        Response done = importAndWait(integration(UUID.randomUUID()), CSV, csv.toString(), null);
        assertEquals("COMPLETED", done.path("status"));
        assertCounts(done, 1500, 0, 0, 0, 1500);
        assertEquals(3000, done.<Integer>path("errorsTotal"));
        assertEquals(true, done.path("errorsTruncated"));
        assertEquals(1000, done.<List<?>>path("errors").size());
        assertEquals(error(2, "company.employees", "must be greater than or equal to 1"), done.path("errors[0]"));
        assertEquals(error(501, "email", "must be a well-formed email address"), done.path("errors[999]"));

        // Any other endpoint keeps the usual limit, whether the body declares its length or not.
        byte[] big = ("{\"firstName\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        given().header("Authorization", manager()).contentType(JSON).body(big)
                .when().post("/api/v1/leads").then().statusCode(413).contentType(PROBLEM);
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/leads"))
                        .header("Authorization", manager()).header("Content-Type", JSON)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
    }

    @Test
    void callersWithoutAValidTokenGet401() {
        String csv = "firstName,lastName,email,source\nA,B," + email("anon") + ",EVENT\n";
        given().contentType(CSV).body(csv).when().post(IMPORTS)
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer " + TestTokens.forged(INTEGRATION_ID, "integration"))
                .contentType(CSV).body(csv).when().post(IMPORTS).then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer " + TestTokens.expired(INTEGRATION_ID, "integration"))
                .when().get(IMPORTS).then().statusCode(401).contentType(PROBLEM);
        given().when().get(IMPORTS + "/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void rolesWithoutImportRightsGet403() {
        String csv = "firstName,lastName,email,source\nA,B," + email("ae") + ",EVENT\n";
        for (String role : List.of("account-executive", "customer-success", "sales-specialist")) {
            String token = TestTokens.bearer(UUID.randomUUID(), role);
            given().header("Authorization", token).contentType(CSV).body(csv).when().post(IMPORTS)
                    .then().statusCode(403).contentType(PROBLEM);
            given().header("Authorization", token).when().get(IMPORTS).then().statusCode(403).contentType(PROBLEM);
            given().header("Authorization", token).when().get(IMPORTS + "/" + UUID.randomUUID())
                    .then().statusCode(403).contentType(PROBLEM);
        }
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID())).contentType(CSV).body(csv)
                .when().post(IMPORTS).then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void callersReadTheirOwnImportsAndManagersAndAdminsReadAll() {
        UUID owner = UUID.randomUUID();
        String csv = "firstName,lastName,email,source\nA,B," + email("own") + ",EVENT\n";
        String location = submit(integration(owner), CSV, csv, null).statusCode(202).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().header("Authorization", integration(owner)).when().get(location).then().statusCode(200)
                .body("id", equalTo(id));
        given().header("Authorization", integration(UUID.randomUUID())).when().get(location)
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "sdr")).when().get(location)
                .then().statusCode(404).contentType(PROBLEM);
        given().header("Authorization", manager()).when().get(location).then().statusCode(200).body("id", equalTo(id));
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "admin")).when().get(location)
                .then().statusCode(200).body("createdBy", equalTo(owner.toString()));

        given().header("Authorization", integration(owner)).when().get(IMPORTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(id)))
                .body("items[0].errors", nullValue())
                .body("nextCursor", nullValue());
        given().header("Authorization", integration(UUID.randomUUID())).when().get(IMPORTS).then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().header("Authorization", manager()).queryParam("limit", 200).when().get(IMPORTS).then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void anSdrImportsAndListsPageByPageNewestFirst() {
        UUID sdr = UUID.randomUUID();
        String token = TestTokens.bearer(sdr, "sdr");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String csv = "firstName,lastName,email,source\nA,B," + email("page" + i) + ",EVENT\n";
            ids.add(0, submit(token, CSV, csv, null).statusCode(202).extract().path("id"));
        }
        Response first = given().header("Authorization", token).queryParam("limit", 2).when().get(IMPORTS)
                .then().statusCode(200).extract().response();
        assertEquals(ids.subList(0, 2), first.path("items.id"));
        given().header("Authorization", token).queryParam("limit", 2).queryParam("cursor", first.<String>path("nextCursor"))
                .when().get(IMPORTS).then().statusCode(200)
                .body("items.id", equalTo(ids.subList(2, 3)))
                .body("nextCursor", nullValue());
        for (String id : ids) {
            assertEquals("COMPLETED", awaitDone(token, IMPORTS + "/" + id, Duration.ofSeconds(60)).path("status"));
        }
    }

    @Test
    void idempotencyKeyReplaysTheFirstImport() {
        UUID caller = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String csv = "firstName,lastName,email,source\nA,B," + email("idem") + ",EVENT\n";
        Response first = given().header("Authorization", integration(caller)).header("Idempotency-Key", key)
                .contentType(CSV).body(csv).when().post(IMPORTS).then().statusCode(202).extract().response();
        given().header("Authorization", integration(caller)).header("Idempotency-Key", key)
                .contentType(CSV).body(csv).when().post(IMPORTS)
                .then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.<String>path("id")));
        given().header("Authorization", integration(caller)).header("Idempotency-Key", key)
                .contentType(CSV).body(csv).queryParam("onDuplicate", "update").when().post(IMPORTS)
                .then().statusCode(422).contentType(PROBLEM);
        given().header("Authorization", integration(caller)).header("Idempotency-Key", key)
                .contentType(CSV).body(csv + "C,D," + email("idem2") + ",EVENT\n").when().post(IMPORTS)
                .then().statusCode(422).contentType(PROBLEM);

        assertCounts(awaitDone(integration(caller), first.header("Location"), Duration.ofSeconds(60)), 1, 1, 0, 0, 0);
        given().header("Authorization", integration(caller)).when().get(IMPORTS).then().statusCode(200)
                .body("items.id", equalTo(List.of(first.<String>path("id"))));
        assertEquals(0L, pool.query("SELECT count(*) FROM lead_import WHERE status = 'STAGING'").executeAndAwait()
                .iterator().next().getLong(0));
    }

    /** One HTTP/1.1 answer with a Content-Length: its head and body (the server may keep the connection open). */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int contentLength = -1;
        int headEnd = -1;
        while (headEnd < 0 || bytes.size() < headEnd + contentLength) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            bytes.write(next);
            String text = bytes.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                headEnd = text.length();
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text);
                contentLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
