package dev.salesplatform.lead.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadResourceTest {

    static final UUID SDR = UUID.fromString("00000000-0000-7000-8000-000000000001");
    static final UUID MANAGER = UUID.fromString("00000000-0000-7000-8000-000000000006");
    static final UUID INTEGRATION = UUID.fromString("00000000-0000-7000-8000-000000000100");
    static final UUID NO_ROLE = UUID.fromString("00000000-0000-7000-8000-000000000008");
    static final String PROBLEM = "application/problem+json";

    static String lead(String email) {
        return """
                {"firstName": "Ada", "lastName": "Lovelace", "email": "%s", "phone": "+44 20 7946 0000",
                 "title": "CTO", "company": {"name": "Analytical Engines Ltd"}, "source": "WEB_FORM"}""".formatted(email);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }

    @Test
    void sdrCreatesLeadAndOwnsIt() {
        String email = unique("ada");
        Response created = given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON).body(lead(email))
                .when().post("/api/v1/leads")
                .then().statusCode(201)
                .header("Location", startsWith("/api/v1/leads/"))
                .header("ETag", equalTo("\"0\""))
                .body("email", equalTo(email))
                .body("status", equalTo("NEW"))
                .body("source", equalTo("WEB_FORM"))
                .body("ownerId", equalTo(SDR.toString()))
                .body("createdAt", notNullValue())
                .body("version", equalTo(0))
                .extract().response();
        String id = created.path("id");
        assertEquals(7, UUID.fromString(id).version());

        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("firstName", equalTo("Ada"))
                .body("company.name", equalTo("Analytical Engines Ltd"))
                .body("createdAt", equalTo(created.<String>path("createdAt")));
    }

    @Test
    void managerAndIntegrationCreateUnassignedLeads() {
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .contentType(ContentType.JSON).body(lead(unique("m")))
                .when().post("/api/v1/leads")
                .then().statusCode(201).body("ownerId", nullValue());
        given().header("Authorization", TestTokens.bearer(INTEGRATION, "integration"))
                .contentType(ContentType.JSON).body(lead(unique("i")))
                .when().post("/api/v1/leads")
                .then().statusCode(201).body("ownerId", nullValue());
    }

    @Test
    void listPagesWithStableCursorNewestFirst() {
        UUID owner = UUID.randomUUID();
        Set<String> createdIds = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            createdIds.add(given().header("Authorization", TestTokens.bearer(owner, "sdr"))
                    .contentType(ContentType.JSON).body(lead(unique("p" + i)))
                    .when().post("/api/v1/leads").then().statusCode(201).extract().path("id"));
        }
        Response first = given().header("Authorization", TestTokens.bearer(owner, "sdr"))
                .queryParam("owner", owner).queryParam("limit", 2)
                .when().get("/api/v1/leads").then().statusCode(200).extract().response();
        List<String> page1 = first.path("items.id");
        assertEquals(2, page1.size());
        assertNotNull(first.<String>path("nextCursor"));

        // A lead created meanwhile is newer, so it never shows up on later pages.
        given().header("Authorization", TestTokens.bearer(owner, "sdr"))
                .contentType(ContentType.JSON).body(lead(unique("late")))
                .when().post("/api/v1/leads").then().statusCode(201);

        Response second = given().header("Authorization", TestTokens.bearer(owner, "sdr"))
                .queryParam("owner", owner).queryParam("limit", 2).queryParam("cursor", first.<String>path("nextCursor"))
                .when().get("/api/v1/leads").then().statusCode(200).extract().response();
        Response third = given().header("Authorization", TestTokens.bearer(owner, "sdr"))
                .queryParam("owner", owner).queryParam("limit", 2).queryParam("cursor", second.<String>path("nextCursor"))
                .when().get("/api/v1/leads").then().statusCode(200)
                .body("nextCursor", nullValue()).extract().response();
        Set<String> seen = new HashSet<>(page1);
        seen.addAll(second.path("items.id"));
        seen.addAll(third.path("items.id"));
        assertEquals(createdIds, seen);
        List<String> ordered = new java.util.ArrayList<>(page1);
        ordered.addAll(second.path("items.id"));
        ordered.addAll(third.path("items.id"));
        List<String> sorted = ordered.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        assertEquals(sorted, ordered);
    }

    @Test
    void listFiltersByStatus() {
        UUID owner = UUID.randomUUID();
        String id = given().header("Authorization", TestTokens.bearer(owner, "sdr"))
                .contentType(ContentType.JSON).body(lead(unique("status")))
                .when().post("/api/v1/leads").then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("owner", owner).queryParam("status", "NEW")
                .when().get("/api/v1/leads")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        given().header("Authorization", TestTokens.bearer(MANAGER, "sales-manager"))
                .queryParam("owner", owner).queryParam("status", "HANDED_OFF")
                .when().get("/api/v1/leads")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String key = UUID.randomUUID().toString();
        String body = lead(unique("idem"));
        Response first = given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/leads").then().statusCode(201).extract().response();
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/leads")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location"))
                .body("id", equalTo(first.<String>path("id")));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .header("Idempotency-Key", key).contentType(ContentType.JSON).body(lead(unique("other")))
                .when().post("/api/v1/leads")
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/idempotency-key-reused"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .header("Idempotency-Key", "x".repeat(256)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("Idempotency-Key"));
    }

    @Test
    void invalidFieldsAnswer400WithEveryError() {
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON)
                .body("{\"firstName\": \"\", \"lastName\": \"" + "x".repeat(101) + "\", \"email\": \"not-an-email\"}")
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/v1/leads"))
                .body("errors.field", hasItem("firstName"))
                .body("errors.field", hasItem("lastName"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("source"));
    }

    @Test
    void malformedAndMistypedBodiesAnswer400() {
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON).body("{\"firstName\": ")
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/malformed-body"))
                .body("detail", notNullValue());
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON).body(lead(unique("e")).replace("WEB_FORM", "CARRIER_PIGEON"))
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("source"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON).body("{\"firstName\": [1, 2]}")
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("firstName"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON).body("[]")
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void fieldsTheCallerMayNotSetAreRejected() {
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON)
                .body(lead(unique("o")).replace("\"source\"", "\"ownerId\": \"" + MANAGER + "\", \"source\""))
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("ownerId"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON)
                .body(lead(unique("s")).replace("\"source\"", "\"status\": \"QUALIFIED\", \"source\""))
                .when().post("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
    }

    @Test
    void wrongMediaTypesAndMethodsAnswerProblems() {
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.XML).body("<lead/>")
                .when().post("/api/v1/leads")
                .then().statusCode(415).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .accept(ContentType.XML)
                .when().get("/api/v1/leads")
                .then().statusCode(406).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .when().delete("/api/v1/leads")
                .then().statusCode(405).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType(PROBLEM).body("instance", equalTo("/api/v1/nothing-here"));
    }

    @Test
    void oversizedBodyAnswers413() {
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON)
                .body(lead(unique("big")).replace("\"CTO\"", "\"" + "x".repeat(1_100_000) + "\""))
                .when().post("/api/v1/leads")
                .then().statusCode(413).contentType(PROBLEM);
    }

    @Test
    void badIdsLimitsAndCursorsAnswer400() {
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .when().get("/api/v1/leads/not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("id"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .when().get("/api/v1/leads/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("https://salesplatform.dev/problems/not-found"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr")).queryParam("limit", 201)
                .when().get("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr")).queryParam("limit", "ten")
                .when().get("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer(SDR, "sdr")).queryParam("cursor", "%%%")
                .when().get("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        given().header("Authorization", TestTokens.bearer(SDR, "sdr")).queryParam("status", "WON")
                .when().get("/api/v1/leads")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("status"));
    }

    @Test
    void callersWithoutValidTokenGet401() {
        given().contentType(ContentType.JSON).body(lead(unique("anon")))
                .when().post("/api/v1/leads")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().header("Authorization", "Bearer " + TestTokens.expired(SDR, "sdr"))
                .when().get("/api/v1/leads")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("invalid_token"));
        given().header("Authorization", "Bearer " + TestTokens.forged(SDR, "sdr"))
                .when().get("/api/v1/leads")
                .then().statusCode(401).contentType(PROBLEM);
        given().header("Authorization", "Bearer not.a.jwt")
                .when().get("/api/v1/leads/" + UUID.randomUUID())
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void callersWithoutALeadRoleGet403() {
        given().header("Authorization", TestTokens.bearer(NO_ROLE))
                .contentType(ContentType.JSON).body(lead(unique("nr")))
                .when().post("/api/v1/leads")
                .then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "account-executive"))
                .when().get("/api/v1/leads")
                .then().statusCode(403).contentType(PROBLEM);
        // The integration client creates leads but does not read them.
        given().header("Authorization", TestTokens.bearer(INTEGRATION, "integration"))
                .when().get("/api/v1/leads")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
