package dev.salesplatform.customersuccess.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.CloudEventRecord;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The customer-success API as the tests call it, with real signed tokens, and the won deals that
 * onboard customers, sent to the real broker. Each test uses fresh companies and user ids.
 */
public final class CustomerApi {

    public static final String PROBLEM = "application/problem+json";
    public static final String DEAL_TOPIC = "sales.deal.events";
    public static final String CUSTOMER_TOPIC = "sales.customer.events";
    /** chris.csm: claims the customers that {@link #onboard} makes (no round-robin under %test: they start unassigned). */
    public static final UUID CHRIS = UUID.fromString("00000000-0000-7000-8000-000000000005");
    public static final UUID AE = UUID.fromString("00000000-0000-7000-8000-000000000003");
    static final ObjectMapper JSON = new ObjectMapper();

    private CustomerApi() {
    }

    public static String csm(UUID id) {
        return TestTokens.bearer(id, "customer-success");
    }

    public static String chris() {
        return csm(CHRIS);
    }

    public static String manager() {
        return TestTokens.bearer(UUID.randomUUID(), "sales-manager");
    }

    public static String admin() {
        return TestTokens.bearer(UUID.randomUUID(), "admin");
    }

    public static String sdr() {
        return TestTokens.bearer(UUID.fromString("00000000-0000-7000-8000-000000000001"), "sdr");
    }

    /** The service's today: the suite runs pinned ({@code %test.salesplatform.test-clock.pinned-at}). */
    public static LocalDate today() {
        return TestClock.current().today();
    }

    /** Days from today to the end of a contract that is already in its renewal window, and 30 days or fewer away. */
    public static final int DUE_IN_DAYS = 20;

    /** The start of a 12-month contract that ends {@link #DUE_IN_DAYS} from today. */
    public static LocalDate startOfContractDueSoon() {
        return today().plusDays(DUE_IN_DAYS).minusMonths(12);
    }

    /** A company name no other test uses. */
    public static String company(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The payload of a deal.won.v1 for {@code company}, contact {@code email}, contract from {@code start}. */
    public static String won(String dealId, String company, String email, LocalDate start, int termMonths, String mrr,
                             String currency) {
        return """
                {"dealId": "%s", "leadId": "%s", "ownerId": "%s", "name": "%s deal", "companyName": %s,
                 "contact": {"firstName": "Ada", "lastName": "Lovelace", "email": %s, "phone": null},
                 "finalAmount": {"amount": "45000.00", "currency": "%s"},
                 "contract": {"startDate": "%s", "termMonths": %d,
                              "monthlyRecurringRevenue": {"amount": "%s", "currency": "%s"}},
                 "pipelineId": "01930000-0000-7000-8000-000000000001", "from": "NEGOTIATION", "stage": "CLOSED_WON",
                 "secondsInPreviousStage": 60, "overrideReason": null,
                 "occurredAt": "%s", "actorId": "%s", "aggregateVersion": 5}"""
                .formatted(dealId, UUID.randomUUID(), AE, company, company == null ? "null" : "\"" + company + "\"",
                        email == null ? "null" : "\"" + email + "\"", currency, start, termMonths, mrr, currency,
                        TestClock.current().instant(), AE);
    }

    public static void send(String eventId, String dealId, String payload) {
        send(eventId, dealId, "deal.won.v1", payload);
    }

    public static void send(String eventId, String dealId, String type, String payload) {
        dealEvent(eventId, type, dealId).payload(payload).send(DEAL_TOPIC);
    }

    /** A deal event as deal-service's relay writes it, about deal {@code dealId} (its key unless sent otherwise). */
    public static CloudEventRecord dealEvent(String eventId, String type, String dealId) {
        return CloudEventRecord.of(type).id(eventId).source("/deal-service").subject(dealId);
    }

    /** The ids of customers whose company name or contact contains {@code text}. */
    public static List<String> customersNamed(String text) {
        return given().header("Authorization", manager()).queryParam("q", text).when().get("/api/v1/customers")
                .then().statusCode(200).extract().path("items.id");
    }

    /**
     * Sends a won deal, waits for its customer and lets chris claim it (version 1); answers the
     * customer's id.
     */
    public static String onboard(String company, LocalDate start, int termMonths, String mrr) {
        String deal = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), deal, won(deal, company, "ada@" + company.toLowerCase().replaceAll("[^a-z0-9]",
                "") + ".example", start, termMonths, mrr, "EUR"));
        String id = awaitCustomer(company);
        post(chris(), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + CHRIS + "\"}").statusCode(200);
        return id;
    }

    /** Chris's customer with one 12-month EUR contract starting today (its renewal a year away). */
    public static String onboard(String company) {
        return onboard(company, today(), 12, "3750.00");
    }

    public static String awaitCustomer(String company) {
        await().atMost(Duration.ofSeconds(60)).until(() -> customersNamed(company).size() == 1);
        return customersNamed(company).get(0);
    }

    /** Onboards a customer and has a manager assign it to {@code csm} (version 2). */
    public static String onboardFor(UUID csm, String company) {
        String id = onboard(company);
        post(manager(), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + csm + "\"}").statusCode(200);
        return id;
    }

    public static ValidatableResponse post(String token, String path, String json) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(json == null ? "{}" : json)
                .when().post(path).then();
    }

    public static ValidatableResponse get(String token, String path) {
        return given().header("Authorization", token).when().get(path).then();
    }

    public static ValidatableResponse patch(String token, String id, String ifMatch, String json) {
        var request = given().header("Authorization", token).contentType("application/merge-patch+json").body(json);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().patch("/api/v1/customers/" + id).then();
    }

    /** The customer's events, once there are at least {@code count}. */
    public static List<ConsumerRecord<String, String>> eventsOf(String customerId, int count) {
        return TopicReader.readUntil(CUSTOMER_TOPIC,
                        read -> read.stream().filter(r -> customerId.equals(r.key())).count() >= count,
                        Duration.ofSeconds(30))
                .stream().filter(r -> customerId.equals(r.key())).toList();
    }

    public static List<String> types(List<ConsumerRecord<String, String>> events) {
        return events.stream().map(r -> TopicReader.header(r, "ce_type")).toList();
    }

    public static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    /** The one open renewal of a customer (renewals open in the transaction of their cause: no waiting). */
    public static String openRenewal(String customerId) {
        List<String> ids = given().header("Authorization", manager()).queryParam("status", "OPEN")
                .queryParam("customer", customerId).when().get("/api/v1/renewals").then().statusCode(200)
                .extract().path("items.id");
        if (ids.size() != 1) {
            throw new AssertionError("customer " + customerId + " has " + ids.size() + " open renewals");
        }
        return ids.get(0);
    }
}
