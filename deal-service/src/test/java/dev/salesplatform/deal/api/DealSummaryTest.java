package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.DEFAULT_PIPELINE;
import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.admin;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The pipeline summary, over deals of a fresh owner so other tests' deals do not count. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealSummaryTest {

    static String deal(String amount, String currency, String pipeline) {
        return "{\"name\": \"Summary deal\", \"amount\": {\"amount\": \"" + amount + "\", \"currency\": \"" + currency
                + "\"}" + (pipeline == null ? "" : ", \"pipelineId\": \"" + pipeline + "\"") + "}";
    }

    /** A pipeline whose only open stage has win probability 0.25, so rounding half-even shows. */
    static String quarterPipeline() {
        return post(admin(), "/api/v1/pipelines", "{\"name\": \"Summary " + UUID.randomUUID() + "\", \"stages\": ["
                + "{\"code\": \"PILOT\", \"name\": \"Pilot\", \"winProbability\": 0.25},"
                + "{\"code\": \"SIGNED\", \"name\": \"Signed\", \"winProbability\": 1, \"closed\": true, \"won\": true},"
                + "{\"code\": \"DROPPED\", \"name\": \"Dropped\", \"winProbability\": 0, \"closed\": true, \"won\": false}"
                + "]}").statusCode(201).extract().path("id");
    }

    @Test
    void countsAmountsAndWeightedAmountsPerStageAndCurrency() {
        UUID owner = UUID.randomUUID();
        String quarter = quarterPipeline();
        create(ae(owner), deal("48000.00", "EUR", null));
        create(ae(owner), deal("1000.05", "EUR", null));
        create(ae(owner), deal("500.00", "USD", null));
        stage(ae(owner), create(ae(owner), deal("12345.67", "EUR", null)), "NEGOTIATION").statusCode(200);
        create(ae(owner), deal("10.10", "EUR", quarter));
        create(ae(UUID.randomUUID()), deal("999.00", "EUR", null)); // someone else's: never counted

        // DISCOVERY 0.20: 49000.05 x 0.2 = 9800.010; 500.00 x 0.2 = 100.00.
        // NEGOTIATION 0.80: 12345.67 x 0.8 = 9876.536 -> 9876.54. PILOT 0.25: 10.10 x 0.25 = 2.525 -> 2.52 (half-even).
        get(manager(), "/api/v1/deals/summary?owner=" + owner).statusCode(200)
                .body("items.pipelineId", contains(DEFAULT_PIPELINE, DEFAULT_PIPELINE, DEFAULT_PIPELINE, quarter))
                .body("items.stage", contains("DISCOVERY", "DISCOVERY", "NEGOTIATION", "PILOT"))
                .body("items.currency", contains("EUR", "USD", "EUR", "EUR"))
                .body("items.count", contains(2, 1, 1, 1))
                .body("items.amount.amount", contains("49000.05", "500.00", "12345.67", "10.10"))
                .body("items.weightedAmount.amount", contains("9800.01", "100.00", "9876.54", "2.52"))
                .body("items.weightedAmount.currency", contains("EUR", "USD", "EUR", "EUR"))
                .body("items.winProbability", contains(0.2f, 0.2f, 0.8f, 0.25f));

        get(admin(), "/api/v1/deals/summary?owner=" + owner + "&pipeline=" + quarter).statusCode(200)
                .body("items.stage", contains("PILOT")).body("items.weightedAmount.amount", contains("2.52"));
        // An account executive summarises their own deals, with or without naming themselves.
        get(ae(owner), "/api/v1/deals/summary").statusCode(200).body("items.count", contains(2, 1, 1, 1));
        get(ae(owner), "/api/v1/deals/summary?owner=" + owner + "&pipeline=" + DEFAULT_PIPELINE).statusCode(200)
                .body("items.stage", contains("DISCOVERY", "DISCOVERY", "NEGOTIATION"));
    }

    @Test
    void anOwnerWithoutDealsHasAnEmptySummary() {
        get(ae(UUID.randomUUID()), "/api/v1/deals/summary").statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void accessAndInputChecks() {
        UUID me = UUID.randomUUID();
        get(ae(me), "/api/v1/deals/summary?owner=" + UUID.randomUUID()).statusCode(403).contentType(PROBLEM);
        for (String role : new String[] {"sales-specialist", "sdr", "customer-success", "integration"}) {
            get(TestTokens.bearer(UUID.randomUUID(), role), "/api/v1/deals/summary").statusCode(403)
                    .contentType(PROBLEM);
        }
        given().when().get("/api/v1/deals/summary").then().statusCode(401).contentType(PROBLEM);
        get("Bearer not-a-jwt", "/api/v1/deals/summary").statusCode(401).contentType(PROBLEM);
        get(manager(), "/api/v1/deals/summary?pipeline=nope").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("pipeline"));
        get(manager(), "/api/v1/deals/summary?owner=nope").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("owner"));
    }
}
