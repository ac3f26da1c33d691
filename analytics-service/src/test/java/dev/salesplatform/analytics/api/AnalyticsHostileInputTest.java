package dev.salesplatform.analytics.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.analytics.messaging.EventLog;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.Race;
import dev.salesplatform.testkit.TestDatabase;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * What a hostile or careless caller, or one bad stored value, does to the reports: bounds no
 * calendar of the platform holds, blank or NUL path segments, an event with a date outside the input
 * rules, and managers setting one target at once. Each is a 400 naming the parameter (or a dead letter
 * naming the field), never a 5xx, and every report keeps answering.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class AnalyticsHostileInputTest {

    static final String MANAGER = TestTokens.bearer(UUID.randomUUID(), "sales-manager");
    static final String PROBLEM = "application/problem+json";
    static final String PIPELINE_ID = "01930000-0000-7000-8000-000000000001";
    /**
     * Every read with a period [from, to), with the other parameters it needs; the OpenAPI document
     * must name no other (so that a new one is added here).
     */
    static final Map<String, Map<String, String>> PERIOD_READS = Map.of(
            "/funnel", Map.of(),
            "/conversion", Map.of("groupBy", "owner"),
            "/deals", Map.of(),
            "/retention", Map.of(),
            "/timeseries", Map.of("metric", "deals-won", "interval", "day"));

    static ValidatableResponse read(String path, Map<String, String> query) {
        return given().header("Authorization", MANAGER).queryParams(query).when().get("/api/v1/analytics" + path).then();
    }

    static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("errors.field", equalTo(List.of(field)));
    }

    static Map<String, String> with(Map<String, String> query, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(query);
        more.put(name, value);
        return more;
    }

    static ValidatableResponse target(String method, String rep, String period, String metric) {
        var request = given().header("Authorization", MANAGER);
        if (method.equals("PUT")) {
            request.contentType(ContentType.JSON).body("{\"value\": \"5000\", \"currency\": \"EUR\"}");
        }
        return request.when().request(method, "/api/v1/analytics/targets/{rep}/{period}/{metric}", rep, period, metric)
                .then();
    }

    @Test
    void boundsOutsideTheRuleAre400sNamingTheParameterOnEveryReadWithAPeriod() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().accept("application/json").when()
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString()).path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fieldNames().forEachRemaining(path -> paths.get(path).path("get").path("parameters").forEach(p -> {
            if (path.startsWith("/api/v1/analytics/") && Set.of("from", "to").contains(p.path("name").asText())) {
                documented.add(path.substring("/api/v1/analytics".length()));
            }
        }));
        assertEquals(new TreeSet<>(PERIOD_READS.keySet()), documented);

        PERIOD_READS.forEach((path, query) -> {
            for (String far : List.of("+294277-01-01T00:00:00Z", "+294277-01-01", "10000-01-01T00:00:00Z")) {
                refused(read(path, with(query, "to", far)), "to");
            }
            for (String early : List.of("-5000-01-01T00:00:00Z", "-5000-01-01", "1899-12-31T23:59:59Z", "1899-12-31")) {
                refused(read(path, with(query, "from", early)), "from");
            }
            refused(read(path, with(with(query, "from", "-5000-01-01T00:00:00Z"), "to", "+294277-01-01T00:00:00Z")),
                    "from");
            read(path, with(with(query, "from", "1900-01-01"), "to", "1900-03-01")).statusCode(200);
            read(path, with(with(query, "from", "9999-11-01T00:00:00Z"), "to", "9999-12-31")).statusCode(200);
            // A bound is compared, not stored: a clock's nanoseconds are fine.
            read(path, with(with(query, "from", "2026-11-01T00:00:00.123456789Z"), "to", "2026-12-01")).statusCode(200);
        });
        for (String period : List.of("1899-12", "0001-Q1", "10000-01", "+294277-01")) {
            refused(read("/reps", Map.of("period", period)), "period");
            refused(read("/targets", Map.of("period", period)), "period");
            refused(target("PUT", UUID.randomUUID().toString(), period, "REVENUE"), "period");
        }
        read("/reps", Map.of("period", "9999-Q4")).statusCode(200);
        read("/reps", Map.of("period", "1900-01")).statusCode(200);
    }

    @Test
    void blankOrNulPathSegmentsOfATargetAre400sNamingTheParameter() {
        String rep = UUID.randomUUID().toString();
        for (String method : List.of("PUT", "DELETE")) {
            for (String bad : List.of(" ", "\t", "\u0000", "  \u0000 ")) {
                refused(target(method, rep, "2027-03", bad), "metric");
                refused(target(method, rep, bad, "REVENUE"), "period");
                refused(target(method, bad, "2027-03", "REVENUE"), "repId");
            }
        }
        read("/targets", Map.of("rep", rep)).statusCode(200).body("", hasSize(0));
        target("PUT", rep, "2027-03", "REVENUE").statusCode(201);
        target("DELETE", rep, "2027-03", "REVENUE").statusCode(204);
    }

    @Test
    void anEventWithAValueOutsideTheRuleIsDeadLetteredAndTheReportsKeepAnswering() {
        UUID owner = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID alsoGood = UUID.randomUUID();
        Instant at = Instant.parse("2016-03-01T10:00:00Z");
        String created = "\"ownerId\": \"" + owner + "\", \"pipelineId\": \"" + PIPELINE_ID + "\", \"stage\": \"%s\","
                + " \"winProbability\": \"%s\", \"leadId\": null, \"amount\": {\"amount\": \"1000.00\", \"currency\":"
                + " \"EUR\"}, \"expectedCloseDate\": %s";
        EventLog events = new EventLog()
                .deal("deal.created.v1", good, at, 1, created.formatted("DISCOVERY", "0.2", "\"2031-03-15\""))
                .deal("deal.created.v1", UUID.randomUUID(), at, 1, created.formatted("DISCOVERY", "0.2",
                        "\"+294277-01-01\""))
                .deal("deal.updated.v1", good, at.plusSeconds(60), 2, "\"ownerId\": \"" + owner + "\", \"changes\":"
                        + " {\"expectedCloseDate\": \"+294277-01-01\"}")
                .deal("deal.created.v1", UUID.randomUUID(), Instant.parse("+10000-01-01T00:00:00Z"), 1,
                        created.formatted("DISCOVERY", "0.2", "null"))
                .deal("deal.created.v1", UUID.randomUUID(), at, 1, created.formatted("DISCO\\u0000VERY", "0.2", "null"))
                .deal("deal.created.v1", UUID.randomUUID(), at, 1, created.formatted("DISCOVERY", "1e-999", "null"))
                .deal("deal.created.v1", alsoGood, at.plusSeconds(120), 1, created.formatted("DISCOVERY", "0.2", "null"));
        events.sendInOrder();
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put(events.id(1), "expectedCloseDate");
        poison.put(events.id(2), "changes.expectedCloseDate");
        poison.put(events.id(3), "ce_time");
        poison.put(events.id(4), "stage");
        poison.put(events.id(5), "winProbability");

        Map<String, String> mine = Map.of("owner", owner.toString());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> read("/pipeline", mine).statusCode(200)
                .body("stages.find { it.stage == 'DISCOVERY' }.count", equalTo(2)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestDatabase.deadLettered(poison.keySet()).size() == poison.size());
        assertEquals(Set.of(), TestDatabase.deadLettered(List.of(events.id(0), events.id(6))));
        poison.forEach((eventId, field) -> {
            String reason = TestDatabase.strings("SELECT reason FROM dead_letter WHERE event_id = ?", eventId)
                    .iterator().next();
            // The reason names the field at fault (ce_time is refused as the kit reads the event).
            assertTrue(reason.contains(field), field + ": " + reason);
        });
        read("/pipeline", mine).statusCode(200).body("forecast.month", equalTo(Arrays.asList("2031-03", null)))
                .body("forecast.count", equalTo(List.of(1, 1)));
        // Everyone's reports, not only this owner's, keep answering.
        read("/pipeline", Map.of()).statusCode(200);
        PERIOD_READS.forEach((path, query) -> read(path, with(with(query, "from", "2016-03-01"), "to", "2016-04-01"))
                .statusCode(200));
    }

    /** An amount target is kept to the cent: 10.001 EUR would read back as 10.00, so it is refused. */
    @Test
    void anAmountTargetFinerThanCentsIsRefusedAndOneInCentsReadsBack() {
        String rep = UUID.randomUUID().toString();
        String path = "/api/v1/analytics/targets/" + rep + "/2027-03/REVENUE";
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body("{\"value\": \"10.001\", \"currency\": \"EUR\"}").when().put(path).then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("value"));
        given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body("{\"value\": \"10.25\", \"currency\": \"EUR\"}").when().put(path).then()
                .statusCode(201).body("value", equalTo("10.25"));
    }

    @Test
    void parallelPutsOfOneTargetNeverFailTheServerAndOneValueStays() throws Exception {
        String rep = UUID.randomUUID().toString();
        List<Response> responses = Race.of(i -> given().header("Authorization", MANAGER).contentType(ContentType.JSON)
                .body("{\"value\": \"" + (10 + i) + "\"}")
                .when().put("/api/v1/analytics/targets/" + rep + "/2027-03/QUALIFIED_LEADS"));
        for (Response response : responses) {
            assertTrue(response.statusCode() == 200 || response.statusCode() == 201,
                    response.statusCode() + " " + response.asString());
        }
        assertEquals(1, responses.stream().filter(r -> r.statusCode() == 201).count(),
                responses.stream().map(Response::asString).toList().toString());
        List<String> values = read("/targets", Map.of("rep", rep)).statusCode(200).body("", hasSize(1))
                .body("[0].metric", equalTo("QUALIFIED_LEADS")).body("[0].period", equalTo("2027-03"))
                .extract().path("value");
        assertTrue(List.of("10", "11", "12", "13").contains(values.get(0)), values.toString());
    }
}
