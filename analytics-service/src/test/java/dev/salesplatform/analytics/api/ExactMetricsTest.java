package dev.salesplatform.analytics.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.analytics.messaging.SalesScenario;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * The seed's scenario as real Kafka events, every figure asserted to its hand-computed value (see
 * {@link SalesScenario}); then the same with duplicates and shuffled order, and after a rebuild.
 * Each test has its own period and reps, so other tests' events do not count.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ExactMetricsTest {

    static final String MANAGER = TestTokens.bearer(UUID.randomUUID(), "sales-manager");

    static ValidatableResponse get(String path, Map<String, ?> query) {
        return given().header("Authorization", MANAGER).queryParams(query).when().get("/api/v1/analytics" + path)
                .then().statusCode(200);
    }

    static Map<String, Object> rate(long numerator, long denominator, String value) {
        java.util.HashMap<String, Object> rate = new java.util.HashMap<>();
        rate.put("numerator", (int) numerator);
        rate.put("denominator", (int) denominator);
        rate.put("value", value);
        return rate;
    }

    static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "EUR");
    }

    /** Waits until every event of the scenario is in, then checks every figure. */
    static void assertSeedFigures(SalesScenario s) {
        Map<String, String> cohort = Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "owner", s.sdr.toString());
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            get("/funnel", cohort).body("created", equalTo(100)).body("stages[3].count", equalTo(20));
            get("/pipeline", Map.of("owner", s.ae.toString())).body("stages[2].amount.amount", equalTo("8800.00"));
            get("/deals", Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "owner", s.ae.toString()))
                    .body("won", equalTo(20)).body("lost", equalTo(5));
        });
        get("/funnel", cohort)
                .body("stages.stage", equalTo(List.of("CONTACTED", "QUALIFIED", "HANDED_OFF", "WON")))
                .body("stages.count", equalTo(List.of(80, 50, 30, 20)))
                .body("stages[0].ofCreated", equalTo(rate(80, 100, "0.8000")))
                .body("stages[0].ofPrevious", equalTo(rate(80, 100, "0.8000")))
                .body("stages[1].ofCreated", equalTo(rate(50, 100, "0.5000")))
                .body("stages[1].ofPrevious", equalTo(rate(50, 80, "0.6250")))
                .body("stages[2].ofPrevious", equalTo(rate(30, 50, "0.6000")))
                .body("stages[3].ofCreated", equalTo(rate(20, 100, "0.2000")))
                .body("stages[3].ofPrevious", equalTo(rate(20, 30, "0.6667")))
                .body("conversionRate", equalTo(rate(20, 100, "0.2000")));
        get("/funnel", Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "owner", s.sdr.toString(),
                "source", "REFERRAL")).body("created", equalTo(25)).body("conversionRate", equalTo(rate(5, 25, "0.2000")));

        Map<String, String> deals = Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "owner", s.ae.toString());
        get("/deals", deals)
                .body("winRate", equalTo(rate(20, 25, "0.8000")))
                .body("wonSize", equalTo(List.of(Map.of("currency", "EUR", "count", 20, "total", money("39000.00"),
                        "average", money("1950.00")))))
                .body("salesCycleDays", equalTo(Map.of("deals", 20, "median", "4.60", "mean", "5.98")))
                .body("lostReasons", equalTo(List.of(Map.of("reason", "PRICE", "count", 3),
                        Map.of("reason", "COMPETITOR", "count", 2))));

        get("/pipeline", Map.of("owner", s.ae.toString()))
                .body("stages.stage", equalTo(List.of("DISCOVERY", "DEMO", "PROPOSAL")))
                .body("stages.count", equalTo(List.of(2, 1, 2)))
                .body("stages.amount.amount", equalTo(List.of("7100.00", "3700.00", "8800.00")))
                .body("stages.weighted.amount", equalTo(List.of("1420.00", "1480.00", "5280.00")))
                // Even deals close in May: 26 (3600 x 0.2), 28 (3800 x 0.6); odd ones in June: 25 (3500 x 0.2),
                // 27 (3700 x 0.4), 29 (5000 x 0.6).
                .body("forecast.month", equalTo(List.of("2030-05", "2030-06")))
                .body("forecast.count", equalTo(List.of(2, 3)))
                .body("forecast.amount.amount", equalTo(List.of("7400.00", "12200.00")))
                .body("forecast.weighted.amount", equalTo(List.of("3000.00", "5180.00")));
    }

    @Test
    void theSeedsHundredLeadsConvertAtTwentyPercent() {
        SalesScenario s = new SalesScenario(Instant.parse("2014-03-03T00:00:00Z"));
        s.events.sendInOrder();
        assertSeedFigures(s);

        get("/conversion", Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "groupBy", "source"))
                .body("rows.key", equalTo(List.of("EVENT", "OUTBOUND", "REFERRAL", "WEB_FORM")))
                .body("rows.created", equalTo(List.of(25, 25, 25, 25)))
                .body("rows.won", equalTo(List.of(5, 5, 5, 5)))
                .body("total", equalTo(rate(20, 100, "0.2000")));
        // Hours 0 to 99 from Monday 2014-03-03 fall in that week and month.
        get("/conversion", Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "groupBy", "week"))
                .body("rows.key", equalTo(List.of("2014-03-03"))).body("rows.created", equalTo(List.of(100)))
                .body("rows.won", equalTo(List.of(20)));
        get("/conversion", Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "groupBy", "month"))
                .body("rows.key", equalTo(List.of("2014-03-01"))).body("rows[0].conversionRate", equalTo(rate(20, 100, "0.2000")));
        get("/conversion", Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "groupBy", "owner"))
                .body("rows.key", equalTo(List.of(s.sdr.toString())));

        // Leads hourly from Monday 00:00: 24 a day, then hours 96 to 99.
        get("/timeseries", Map.of("metric", "leads-created", "interval", "day", "from", "2014-03-03", "to", "2014-03-09"))
                .body("points.bucket", equalTo(List.of("2014-03-03", "2014-03-04", "2014-03-05", "2014-03-06",
                        "2014-03-07", "2014-03-08")))
                .body("points.value", equalTo(List.of("24", "24", "24", "24", "4", "0")));
        // Deal i is won at hour i + (i + 1)^2 (plus 100 s): deals 0-11 in the first week, 12-16 in the second, 17-19 in the third.
        get("/timeseries", Map.of("metric", "deals-won", "interval", "week", "from", "2014-03-03", "to", "2014-03-31"))
                .body("points.bucket", equalTo(List.of("2014-03-03", "2014-03-10", "2014-03-17", "2014-03-24")))
                .body("points.value", equalTo(List.of("12", "5", "3", "0")));
        get("/timeseries", Map.of("metric", "revenue-won", "currency", "EUR", "interval", "week", "from", "2014-03-03",
                "to", "2014-03-24")).body("currency", equalTo("EUR"))
                .body("points.value", equalTo(List.of("18600.00", "12000.00", "8400.00")));
        get("/timeseries", Map.of("metric", "revenue-won", "currency", "USD", "interval", "month", "from", "2014-03-01",
                "to", "2014-05-01")).body("points.value", equalTo(List.of("0.00", "0.00")));
    }

    @Test
    void badTimeSeriesRequestsAre400() {
        for (Map<String, String> query : List.of(Map.<String, String>of(), Map.of("metric", "calls"),
                Map.of("metric", "deals-won", "interval", "hour"), Map.of("metric", "revenue-won"),
                Map.of("metric", "revenue-won", "currency", "euro"),
                Map.of("metric", "leads-created", "interval", "day", "from", "2020-01-01", "to", "2024-01-01"),
                Map.of("metric", "leads-created", "from", "yesterday"))) {
            given().header("Authorization", MANAGER).queryParams(query).when().get("/api/v1/analytics/timeseries")
                    .then().statusCode(400).contentType("application/problem+json");
        }
    }

    @Test
    void duplicatesAndShuffledCrossTopicOrderGiveTheSameFigures() {
        SalesScenario s = new SalesScenario(Instant.parse("2015-06-01T00:00:00Z"));
        s.events.sendShuffledTwice(20_261_130L);
        assertSeedFigures(s);
    }

    @Test
    void aRebuildFromOffsetZeroGivesTheSameFigures() {
        SalesScenario s = new SalesScenario(Instant.parse("2016-09-05T00:00:00Z"));
        s.events.sendInOrder();
        assertSeedFigures(s);
        Map<String, String> cohort = Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "owner", s.sdr.toString());
        Map<String, String> deals = Map.of("from", s.cohortFrom(), "to", s.cohortTo(), "owner", s.ae.toString());
        String funnel = get("/funnel", cohort).extract().asString();
        String dealMetrics = get("/deals", deals).extract().asString();
        String pipeline = get("/pipeline", Map.of("owner", s.ae.toString())).extract().asString();
        String activeBefore = status().getString("activeSchema");

        String admin = TestTokens.bearer(UUID.randomUUID(), "admin");
        given().header("Authorization", admin).when().post("/api/v1/analytics/rebuild").then().statusCode(202)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/analytics/rebuild"));
        await().atMost(Duration.ofSeconds(120)).until(() -> "COMPLETED".equals(status().getString("state")));
        JsonPath done = status();
        assertEquals(done.getLong("recordsTotal"), done.getLong("recordsDone"));
        assertEquals(activeBefore.equals("analytics_a") ? "analytics_b" : "analytics_a", done.getString("activeSchema"));

        assertEquals(withoutCompleteUntil(funnel), withoutCompleteUntil(get("/funnel", cohort).extract().asString()));
        assertEquals(withoutCompleteUntil(dealMetrics), withoutCompleteUntil(get("/deals", deals).extract().asString()));
        assertEquals(withoutCompleteUntil(pipeline),
                withoutCompleteUntil(get("/pipeline", Map.of("owner", s.ae.toString())).extract().asString()));
    }

    @Test
    void zeroDenominatorsGiveNullRates() {
        Map<String, String> empty = Map.of("from", "1999-01-01", "to", "1999-02-01");
        get("/funnel", empty).body("created", equalTo(0)).body("conversionRate", equalTo(rate(0, 0, null)))
                .body("stages[0].ofCreated.value", nullValue());
        get("/deals", empty).body("won", equalTo(0)).body("winRate.value", nullValue())
                .body("wonSize", equalTo(List.of())).body("salesCycleDays.deals", equalTo(0))
                .body("salesCycleDays.median", nullValue()).body("salesCycleDays.mean", nullValue());
        get("/conversion", empty).body("rows", equalTo(List.of())).body("total.value", nullValue());
    }

    static JsonPath status() {
        return given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "admin")).when()
                .get("/api/v1/analytics/rebuild").then().statusCode(200).extract().jsonPath();
    }

    /** The figures without the freshness time, which other tests' events may move. */
    static String withoutCompleteUntil(String json) {
        return json.replaceAll("\"completeUntil\":\"[^\"]*\"", "");
    }
}
