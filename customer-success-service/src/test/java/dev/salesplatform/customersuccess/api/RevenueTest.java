package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.PROBLEM;
import static dev.salesplatform.customersuccess.api.CustomerApi.chris;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.eventsOf;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static dev.salesplatform.customersuccess.api.CustomerApi.post;
import static dev.salesplatform.customersuccess.api.CustomerApi.read;
import static dev.salesplatform.customersuccess.api.CustomerApi.send;
import static dev.salesplatform.customersuccess.api.CustomerApi.today;
import static dev.salesplatform.customersuccess.api.CustomerApi.types;
import static dev.salesplatform.customersuccess.api.CustomerApi.won;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Expansions and contractions: exact decimal arithmetic per contract, in the contract's currency. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RevenueTest {

    static String movement(String amount, String currency, String kind) {
        return "{\"delta\": {\"amount\": \"" + amount + "\", \"currency\": \"" + currency + "\"}, \"kind\": \"" + kind
                + "\", \"reason\": \"Seats\"}";
    }

    @Test
    void expansionsAndContractionsMoveTheContractsMrrExactly() {
        String id = onboard(company("Growing"));
        String base = "/api/v1/customers/" + id;
        post(chris(), base + "/expansions", movement("250.1", "EUR", "UPSELL")).statusCode(200)
                .header("ETag", "\"2\"")
                .body("mrr[0].amount", equalTo("4000.10"))
                .body("contracts[0].mrr.amount", equalTo("4000.10"));
        post(chris(), base + "/contractions", movement("0.10", "EUR", "DISCOUNT")).statusCode(200)
                .body("mrr[0].amount", equalTo("4000.00"))
                .body("health.reasons.code", equalTo(List.of("NPS_MISSING", "RECENT_CONTRACTION")))
                .body("health.score", equalTo(60));
        post(chris(), base + "/contractions", movement("4000.01", "EUR", "DOWNGRADE")).statusCode(422)
                .contentType(PROBLEM).body("currentMrr.amount", equalTo("4000.00"));
        post(chris(), base + "/contractions", movement("4000.00", "EUR", "SEAT_REDUCTION")).statusCode(200)
                .body("mrr[0].amount", equalTo("0.00"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 6);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.expanded.v1",
                "customer.contracted.v1", "customer.health-changed.v1", "customer.contracted.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        JsonNode expanded = read(events.get(2));
        assertEquals("UPSELL", expanded.get("kind").asText());
        assertEquals("3750.00", expanded.get("mrrBefore").get("amount").asText());
        assertEquals("4000.10", expanded.get("mrrAfter").get("amount").asText());
        assertEquals("250.10", expanded.get("delta").get("amount").asText());
        assertEquals("EUR", expanded.get("delta").get("currency").asText());
        assertEquals("Seats", expanded.get("reason").asText());
        assertTrue(expanded.get("dealId").isNull());
        JsonNode contracted = read(events.get(3));
        assertEquals("DISCOUNT", contracted.get("kind").asText());
        assertEquals("4000.10", contracted.get("mrrBefore").get("amount").asText());
        assertEquals("4000.00", contracted.get("mrrAfter").get("amount").asText());
        assertEquals("0.10", contracted.get("delta").get("amount").asText());
        assertEquals("0.00", read(events.get(5)).get("mrrAfter").get("amount").asText());
    }

    @Test
    void withSeveralContractsTheContractMustBeNamed() {
        String company = company("Two Contracts");
        String id = onboard(company);
        String deal = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), deal, won(deal, company, null, today(), 12, "100", "USD"));
        await().atMost(Duration.ofSeconds(60)).until(() -> get(manager(), "/api/v1/customers/" + id + "/contracts")
                .extract().path("size()").equals(2));
        String usd = get(manager(), "/api/v1/customers/" + id + "/contracts").extract()
                .path("find { it.mrr.currency == 'USD' }.id");
        String base = "/api/v1/customers/" + id;
        post(chris(), base + "/expansions", movement("1", "USD", "CROSS_SELL")).statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("contractId"));
        post(chris(), base + "/expansions", movement("1", "USD", "CROSS_SELL")
                .replace("{\"delta\"", "{\"contractId\": \"" + UUID.randomUUID() + "\", \"delta\"")).statusCode(400)
                .body("errors[0].field", equalTo("contractId"));
        post(chris(), base + "/expansions", movement("1", "EUR", "CROSS_SELL")
                .replace("{\"delta\"", "{\"contractId\": \"" + usd + "\", \"delta\"")).statusCode(400)
                .body("errors[0].field", equalTo("delta.currency"));
        post(chris(), base + "/expansions", movement("0.5", "USD", "CROSS_SELL")
                .replace("{\"delta\"", "{\"contractId\": \"" + usd + "\", \"delta\"")).statusCode(200)
                .body("mrr.amount", equalTo(List.of("3750.00", "100.50")))
                .body("mrr.currency", equalTo(List.of("EUR", "USD")));
    }

    @Test
    void aRetriedExpansionWithItsIdempotencyKeyAppliesOnce() {
        String id = onboard(company("Retried Growth"));
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", chris()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                    .body(movement("100.00", "EUR", "UPSELL")).when().post("/api/v1/customers/" + id + "/expansions")
                    .then().statusCode(200).body("mrr[0].amount", equalTo("3850.00"));
        }
        given().header("Authorization", chris()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(movement("200.00", "EUR", "UPSELL")).when().post("/api/v1/customers/" + id + "/expansions")
                .then().statusCode(422).contentType(PROBLEM);
        get(manager(), "/api/v1/customers/" + id).statusCode(200).body("mrr[0].amount", equalTo("3850.00"));
    }

    @Test
    void badMovementsAreProblems() {
        String id = onboard(company("Strict Money"));
        String base = "/api/v1/customers/" + id;
        for (String body : new String[] {"{", "{}", movement("-1.00", "EUR", "UPSELL"), movement("0", "EUR", "UPSELL"),
                movement("abc", "EUR", "UPSELL"), movement("1.005", "EUR", "UPSELL"), movement("1", "euro", "UPSELL"),
                movement("1", "XYZ", "UPSELL"), movement("1", "EUR", "DOWNGRADE"), movement("1", "EUR", "MAGIC"),
                movement("1e400", "EUR", "UPSELL"), movement("1", "EUR", "UPSELL").replace("\"Seats\"", "\"\""),
                movement("1", "EUR", "UPSELL").replace("\"Seats\"", "\"" + "r".repeat(2001) + "\""),
                movement("1", "EUR", "UPSELL").replace("{\"delta\"", "{\"contractId\": \"nope\", \"delta\""),
                movement("1", "EUR", "UPSELL").replace("{\"delta\"", "{\"mrr\": 5, \"delta\"")}) {
            post(chris(), base + "/expansions", body).statusCode(400).contentType(PROBLEM);
        }
        post(chris(), base + "/contractions", movement("1", "EUR", "UPSELL")).statusCode(400).contentType(PROBLEM);
        post(chris(), base + "/contractions", movement("-1", "EUR", "DOWNGRADE")).statusCode(400).contentType(PROBLEM);
        post(chris(), base + "/expansions", movement("999999999999", "EUR", "UPSELL")).statusCode(422)
                .contentType(PROBLEM);
        get(manager(), base).statusCode(200).body("mrr[0].amount", equalTo("3750.00")).body("version", equalTo(1));
    }
}
