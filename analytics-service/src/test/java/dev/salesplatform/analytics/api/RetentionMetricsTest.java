package dev.salesplatform.analytics.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.analytics.messaging.RetentionScenario;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Retention of a known quarter (see {@link RetentionScenario}), in order and shuffled with duplicates. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RetentionMetricsTest {

    static final String MANAGER = TestTokens.bearer(UUID.randomUUID(), "sales-manager");

    static ValidatableResponse retention(UUID csm) {
        return given().header("Authorization", MANAGER).queryParam("from", "2017-01-01").queryParam("to", "2017-04-01")
                .queryParam("csm", csm.toString()).when().get("/api/v1/analytics/retention").then().statusCode(200);
    }

    static Map<String, Object> rate(int numerator, int denominator, String value) {
        java.util.HashMap<String, Object> rate = new java.util.HashMap<>();
        rate.put("numerator", numerator);
        rate.put("denominator", denominator);
        rate.put("value", value);
        return rate;
    }

    static void assertQuarter(RetentionScenario s) {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> retention(s.csm)
                .body("nps.responses", equalTo(10)).body("renewalRate.denominator", equalTo(3))
                .body("mrr[0].end", equalTo("4200.00")).body("customers.end", equalTo(5)));
        retention(s.csm)
                .body("customers", equalTo(Map.of("start", 5, "end", 5, "onboarded", 1, "churned", 1)))
                .body("customerRetentionRate", equalTo(rate(4, 5, "0.8000")))
                .body("logoChurnRate", equalTo(rate(1, 5, "0.2000")))
                .body("mrr.currency", equalTo(List.of("EUR", "USD")))
                .body("mrr[0].start", equalTo("5400.00")).body("mrr[0].newBusiness", equalTo("800.00"))
                .body("mrr[0].expansion", equalTo("400.00")).body("mrr[0].contraction", equalTo("900.00"))
                .body("mrr[0].churn", equalTo("1500.00")).body("mrr[0].end", equalTo("4200.00"))
                .body("mrr[0].grossRevenueRetention", equalTo(Map.of("numerator", "3000.00", "denominator", "5400.00",
                        "value", "0.5556")))
                .body("mrr[0].netRevenueRetention", equalTo(Map.of("numerator", "3300.00", "denominator", "5400.00",
                        "value", "0.6111")))
                .body("mrr[1].start", equalTo("1000.00")).body("mrr[1].end", equalTo("1000.00"))
                .body("mrr[1].grossRevenueRetention.value", equalTo("1.0000"))
                .body("mrr[1].netRevenueRetention.value", equalTo("1.0000"))
                .body("renewalRate", equalTo(rate(1, 3, "0.3333")))
                .body("nps", equalTo(Map.of("responses", 10, "promoters", 5, "passives", 2, "detractors", 3,
                        "score", "20.00")));
    }

    @Test
    void aQuarterWithKnownChurnExpansionAndContraction() {
        RetentionScenario s = new RetentionScenario();
        s.events.sendInOrder();
        assertQuarter(s);
    }

    @Test
    void duplicatesAndShuffledOrderGiveTheSameQuarter() {
        RetentionScenario s = new RetentionScenario();
        s.events.sendShuffledTwice(42L);
        assertQuarter(s);
    }

    @Test
    void aPeriodWithoutCustomersHasNullRates() {
        retention(UUID.randomUUID())
                .body("customers", equalTo(Map.of("start", 0, "end", 0, "onboarded", 0, "churned", 0)))
                .body("customerRetentionRate.value", nullValue()).body("logoChurnRate.value", nullValue())
                .body("mrr", equalTo(List.of())).body("renewalRate.value", nullValue())
                .body("nps.score", nullValue());
    }

    @Test
    void badInputIs400AndOnlyManagersRead() {
        given().header("Authorization", MANAGER).queryParam("csm", "bob").when().get("/api/v1/analytics/retention")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", MANAGER).queryParam("from", "2017-04-01").queryParam("to", "2017-01-01")
                .when().get("/api/v1/analytics/retention").then().statusCode(400);
        given().when().get("/api/v1/analytics/retention").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "customer-success"))
                .when().get("/api/v1/analytics/retention").then().statusCode(403).contentType("application/problem+json");
    }
}
