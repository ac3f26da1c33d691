package dev.salesplatform.analytics.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.salesplatform.analytics.messaging.EventLog;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Targets, and reps in May 2018 against April, figures by hand:
 * SDR a qualified 2 then 5 (target 4 in May: 1.2500); b 3 then 1 (target 4 in both: 0.7500, 0.2500: needs support);
 * c 0 then 3. May median 3, April median 2. Most improved SDRs: a and c (+3), by id.
 * AE x won 1000 in April, 1000 + 3000 in May and lost 1 (win rate 2 / 3; target 5000 EUR: 0.8000); AE y won 6000 in
 * May: median 5000, x below it now but not before (April median 500): no support case. Most improved AEs: y, x.
 * CSM z: one customer since January at 1000 EUR, +100 in May: NRR 1.1000 (April 1.0000), book 1100.00.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RepsAndTargetsTest {

    static final String MANAGER = TestTokens.bearer(UUID.randomUUID(), "sales-manager");

    static ValidatableResponse put(String token, String path, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json).when()
                .put("/api/v1/analytics/targets/" + path).then();
    }

    static ValidatableResponse reps(String token, String query) {
        return given().header("Authorization", token).when().get("/api/v1/analytics/reps?" + query).then();
    }

    @Test
    void repsAgainstTargetAndThePreviousMonth() {
        UUID[] sdrs = Stream.generate(UUID::randomUUID).limit(3).sorted().toArray(UUID[]::new);
        UUID a = sdrs[0];
        UUID b = sdrs[1];
        UUID c = sdrs[2];
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        UUID z = UUID.randomUUID();
        EventLog log = new EventLog();
        qualified(log, a, "2018-04", 2);
        qualified(log, a, "2018-05", 5);
        qualified(log, b, "2018-04", 3);
        qualified(log, b, "2018-05", 1);
        qualified(log, c, "2018-05", 3);
        won(log, x, "2018-04-10", "1000.00");
        won(log, x, "2018-05-10", "1000.00");
        won(log, x, "2018-05-11", "3000.00");
        lost(log, x, "2018-05-12");
        won(log, y, "2018-05-20", "6000.00");
        UUID customer = UUID.randomUUID();
        log.customer("customer.onboarded.v1", customer, Instant.parse("2018-01-15T09:00:00Z"), 0, "\"csmId\": \"" + z
                + "\", \"companyName\": \"Z Co\", \"dealId\": \"" + UUID.randomUUID() + "\", \"contract\": {\"mrr\": "
                + "{\"amount\": \"1000.00\", \"currency\": \"EUR\"}}");
        log.customer("customer.expanded.v1", customer, Instant.parse("2018-05-15T09:00:00Z"), 1, "\"csmId\": \"" + z
                + "\", \"kind\": \"UPSELL\", \"delta\": {\"amount\": \"100.00\", \"currency\": \"EUR\"}");
        log.sendInOrder();

        put(MANAGER, a + "/2018-05/QUALIFIED_LEADS", "{\"value\": \"4\"}").statusCode(201);
        put(MANAGER, b + "/2018-05/QUALIFIED_LEADS", "{\"value\": \"4\"}").statusCode(201);
        put(MANAGER, b + "/2018-04/QUALIFIED_LEADS", "{\"value\": \"4\"}").statusCode(201);
        put(MANAGER, x + "/2018-05/REVENUE", "{\"value\": \"5000\", \"currency\": \"EUR\"}").statusCode(201);

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> reps(MANAGER, "period=2018-05").statusCode(200)
                .body("rows", hasSize(6)).body("rows.find { it.repId == '" + z + "' }.csm.mrr[0].bookMrr",
                        equalTo("1100.00")));
        ValidatableResponse may = reps(MANAGER, "period=2018-05").statusCode(200)
                .body("period", equalTo("2018-05")).body("previousPeriod", equalTo("2018-04"))
                .body("reportingCurrency", equalTo("EUR"))
                .body("rows.role", equalTo(List.of("SDR", "SDR", "SDR", "AE", "AE", "CSM")))
                .body("rows[0].repId", equalTo(a.toString()))
                .body("mostImproved.SDR", equalTo(List.of(a.toString(), c.toString())))
                .body("mostImproved.AE", equalTo(List.of(y.toString(), x.toString())));
        String row = "rows.find { it.repId == '%s' }.";
        may.body(row.formatted(a) + "sdr", equalTo(Map.of("leadsCreated", 5, "contacted", 5, "qualified", 5,
                        "handedOff", 0, "qualificationRate", Map.of("numerator", 5, "denominator", 5, "value", "1.0000"),
                        "handOffRate", Map.of("numerator", 0, "denominator", 5, "value", "0.0000"),
                        "qualifiedInPeriod", 5)))
                .body(row.formatted(a) + "keyMetric", equalTo(Map.of("name", "qualifiedLeads", "current", "5",
                        "previous", "2", "trend", "3")))
                .body(row.formatted(a) + "targets[0].attainment.value", equalTo("1.2500"))
                .body(row.formatted(a) + "needsSupport", equalTo(false))
                .body(row.formatted(b) + "targets[0].attainment", equalTo(Map.of("numerator", "1", "denominator", "4",
                        "value", "0.2500")))
                .body(row.formatted(b) + "belowTarget", equalTo(true))
                .body(row.formatted(b) + "belowMedian", equalTo(true))
                .body(row.formatted(b) + "needsSupport", equalTo(true))
                .body(row.formatted(c) + "keyMetric.trend", equalTo("3"))
                .body(row.formatted(c) + "belowMedian", equalTo(false))
                .body(row.formatted(c) + "targets", equalTo(List.of()))
                .body(row.formatted(x) + "ae.won", equalTo(2)).body(row.formatted(x) + "ae.lost", equalTo(1))
                .body(row.formatted(x) + "ae.winRate.value", equalTo("0.6667"))
                .body(row.formatted(x) + "ae.revenue", equalTo(List.of(Map.of("amount", "4000.00", "currency", "EUR"))))
                .body(row.formatted(x) + "keyMetric", equalTo(Map.of("name", "revenueEUR", "current", "4000.00",
                        "previous", "1000.00", "trend", "3000.00")))
                .body(row.formatted(x) + "targets[0]", equalTo(Map.of("metric", "REVENUE", "target", "5000.00",
                        "currency", "EUR", "actual", "4000.00", "attainment", Map.of("numerator", "4000.00",
                                "denominator", "5000.00", "value", "0.8000"))))
                .body(row.formatted(x) + "belowMedian", equalTo(true))
                .body(row.formatted(x) + "needsSupport", equalTo(false))
                .body(row.formatted(y) + "keyMetric.trend", equalTo("6000.00"))
                .body(row.formatted(z) + "csm", equalTo(Map.of("activeCustomers", 1, "churnedCustomers", 0,
                        "mrr", List.of(Map.of("currency", "EUR", "bookMrr", "1100.00", "retainedMrr", "1100.00",
                                "netRevenueRetention", Map.of("numerator", "1100.00", "denominator", "1000.00",
                                        "value", "1.1000"))))))
                .body(row.formatted(z) + "keyMetric", equalTo(Map.of("name", "nrrEUR", "current", "1.1000",
                        "previous", "1.0000", "trend", "0.1000")));

        // A rep reads only their own row, without the team's most improved.
        reps(TestTokens.bearer(b, "sdr"), "period=2018-05").statusCode(200).body("rows.repId", equalTo(List.of(b.toString())))
                .body("mostImproved", equalTo(Map.of()));
        reps(TestTokens.bearer(x, "account-executive"), "period=2018-05&role=SDR").statusCode(200)
                .body("rows", equalTo(List.of()));
        reps(MANAGER, "period=2018-05&role=AE").statusCode(200).body("rows.repId", equalTo(List.of(
                Stream.of(x, y).sorted().map(UUID::toString).toArray())));
        reps(MANAGER, "period=2018-Q2&role=SDR").statusCode(200).body("rows", hasSize(3))
                .body(row.formatted(a) + "keyMetric.current", equalTo("7"));
    }

    static void qualified(EventLog log, UUID sdr, String month, int count) {
        for (int i = 0; i < count; i++) {
            UUID lead = UUID.randomUUID();
            Instant at = Instant.parse(month + "-0" + (i + 1) + "T10:00:00Z");
            String owner = "\"ownerId\": \"" + sdr + "\"";
            log.lead("lead.created.v1", lead, at, 0, "\"source\": \"EVENT\", " + owner);
            log.lead("lead.activity-logged.v1", lead, at.plusSeconds(60), 1, owner + ", \"status\": \"CONTACTED\"");
            log.lead("lead.qualified.v1", lead, at.plusSeconds(120), 2, owner);
        }
    }

    static void won(EventLog log, UUID ae, String day, String amount) {
        UUID deal = dealCreated(log, ae, day, amount);
        log.deal("deal.won.v1", deal, Instant.parse(day + "T15:00:00Z"), 1, "\"ownerId\": \"" + ae + "\", "
                + "\"stage\": \"CLOSED_WON\", \"finalAmount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}");
    }

    static void lost(EventLog log, UUID ae, String day) {
        UUID deal = dealCreated(log, ae, day, "500.00");
        log.deal("deal.lost.v1", deal, Instant.parse(day + "T15:00:00Z"), 1, "\"ownerId\": \"" + ae + "\", "
                + "\"stage\": \"CLOSED_LOST\", \"reason\": \"TIMING\"");
    }

    static UUID dealCreated(EventLog log, UUID ae, String day, String amount) {
        UUID deal = UUID.randomUUID();
        log.deal("deal.created.v1", deal, Instant.parse(day + "T09:00:00Z"), 0, "\"ownerId\": \"" + ae + "\", "
                + "\"pipelineId\": \"01930000-0000-7000-8000-000000000001\", \"stage\": \"DISCOVERY\", "
                + "\"winProbability\": \"0.2\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"EUR\"}");
        return deal;
    }

    @Test
    void targetsAreSetReplacedReadAndRemoved() {
        UUID rep = UUID.randomUUID();
        put(MANAGER, rep + "/2019-Q1/REVENUE", "{\"value\": \"120000\", \"currency\": \"EUR\"}").statusCode(201)
                .body("repId", equalTo(rep.toString())).body("period", equalTo("2019-Q1"))
                .body("metric", equalTo("REVENUE")).body("value", equalTo("120000.00")).body("currency", equalTo("EUR"));
        put(MANAGER, rep + "/2019-Q1/REVENUE", "{\"value\": \"150000.50\", \"currency\": \"EUR\"}").statusCode(200)
                .body("value", equalTo("150000.50"));
        put(TestTokens.bearer(UUID.randomUUID(), "admin"), rep + "/2019-03/NRR", "{\"value\": \"1.05\"}").statusCode(201)
                .body("value", equalTo("1.05")).body("currency", nullValue());
        given().header("Authorization", MANAGER).when().get("/api/v1/analytics/targets?rep=" + rep).then()
                .statusCode(200).body("period", equalTo(List.of("2019-03", "2019-Q1")));
        given().header("Authorization", MANAGER).when().get("/api/v1/analytics/targets?rep=" + rep + "&period=2019-Q1")
                .then().statusCode(200).body("metric", equalTo(List.of("REVENUE")));
        // A rep reads their own targets only.
        given().header("Authorization", TestTokens.bearer(rep, "account-executive")).when()
                .get("/api/v1/analytics/targets").then().statusCode(200).body("", hasSize(2));
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "account-executive")).when()
                .get("/api/v1/analytics/targets?rep=" + rep).then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", MANAGER).when().delete("/api/v1/analytics/targets/" + rep + "/2019-03/NRR")
                .then().statusCode(204);
        given().header("Authorization", MANAGER).when().delete("/api/v1/analytics/targets/" + rep + "/2019-03/NRR")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void badTargetsAre400AndOnlyManagersSetThem() {
        UUID rep = UUID.randomUUID();
        String[][] cases = {
                {rep + "/2019-13/REVENUE", "{\"value\": \"1\", \"currency\": \"EUR\"}"},
                {rep + "/2019-Q5/REVENUE", "{\"value\": \"1\", \"currency\": \"EUR\"}"},
                {rep + "/2019-03/CALLS", "{\"value\": \"1\"}"},
                {"bob/2019-03/NRR", "{\"value\": \"1\"}"},
                {rep + "/2019-03/REVENUE", "{\"value\": \"1\"}"},
                {rep + "/2019-03/NRR", "{\"value\": \"1\", \"currency\": \"EUR\"}"},
                {rep + "/2019-03/QUALIFIED_LEADS", "{\"value\": \"2.5\"}"},
                {rep + "/2019-03/QUALIFIED_LEADS", "{\"value\": \"-1\"}"},
                {rep + "/2019-03/QUALIFIED_LEADS", "{}"},
                {rep + "/2019-03/QUALIFIED_LEADS", "{\"value\": \"many\"}"},
                {rep + "/2019-03/REVENUE", "{\"value\": \"1\", \"currency\": \"euro\"}"},
                {rep + "/2019-03/REVENUE", "{"},
        };
        for (String[] c : cases) {
            put(MANAGER, c[0], c[1]).statusCode(400).contentType("application/problem+json");
        }
        put(TestTokens.bearer(rep, "sdr"), rep + "/2019-03/QUALIFIED_LEADS", "{\"value\": \"4\"}").statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"value\": \"4\"}").when()
                .put("/api/v1/analytics/targets/" + rep + "/2019-03/QUALIFIED_LEADS").then().statusCode(401);
        given().header("Authorization", MANAGER).when().get("/api/v1/analytics/targets?period=2019-14").then()
                .statusCode(400);
        reps(MANAGER, "period=May").statusCode(400).contentType("application/problem+json");
        reps(MANAGER, "role=BOSS").statusCode(400).contentType("application/problem+json");
        reps(TestTokens.bearer(rep, "integration"), "role=SDR").statusCode(403);
        given().when().get("/api/v1/analytics/reps").then().statusCode(401);
    }
}
