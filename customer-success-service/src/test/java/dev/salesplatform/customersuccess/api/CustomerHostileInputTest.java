package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.CHRIS;
import static dev.salesplatform.customersuccess.api.CustomerApi.PROBLEM;
import static dev.salesplatform.customersuccess.api.CustomerApi.awaitCustomer;
import static dev.salesplatform.customersuccess.api.CustomerApi.chris;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.customersNamed;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static dev.salesplatform.customersuccess.api.CustomerApi.openRenewal;
import static dev.salesplatform.customersuccess.api.CustomerApi.patch;
import static dev.salesplatform.customersuccess.api.CustomerApi.post;
import static dev.salesplatform.customersuccess.api.CustomerApi.send;
import static dev.salesplatform.customersuccess.api.CustomerApi.startOfContractDueSoon;
import static dev.salesplatform.customersuccess.api.CustomerApi.today;
import static dev.salesplatform.customersuccess.api.CustomerApi.won;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.Race;
import dev.salesplatform.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * What a hostile or careless caller sends: NUL characters, repeated members, dates no calendar of
 * the platform holds, tampered cursors, and writes racing each other. Each is the caller's 400 (or the
 * loser's 409/412) as problem+json naming what is at fault, never a 5xx, and nothing of it is stored.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerHostileInputTest {

    static final String NUL = "a\\u0000b";
    static final String FAR_DATE = "+5874898-01-01";
    static final String REFERRAL = """
            {"companyName": "%s", "contact": {"firstName": "%s", "lastName": "Babbage",
             "email": "charles@babbage.example"}, "note": "%s"}""";
    static final String EXPANSION = "{\"delta\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}, \"kind\": \"UPSELL\","
            + " \"reason\": \"%s\"}";
    static final String CONTRACTION = "{\"delta\": {\"amount\": \"10.00\", \"currency\": \"EUR\"},"
            + " \"kind\": \"DISCOUNT\", \"reason\": \"%s\"}";
    static final String RENEW = "{\"termMonths\": 12, \"newMrr\": {\"amount\": \"4000.00\", \"currency\": \"EUR\"}%s}";

    static void refused(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(PROBLEM).body("status", equalTo(400))
                .body("errors.field", equalTo(List.of(field)));
    }

    static ValidatableResponse list(String path, String parameter, String value) {
        return given().header("Authorization", manager()).queryParam(parameter, value).when().get(path).then();
    }

    static String cursor(String... values) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\u001F", values).getBytes(StandardCharsets.UTF_8));
    }

    static int version(String customer) {
        return get(manager(), "/api/v1/customers/" + customer).statusCode(200).extract().path("version");
    }

    @Test
    void aNulInAnyTextOfABodyIsA400NamingTheFieldAndNothingIsStored() {
        String id = onboard(company("Nul Bodies"));
        String base = "/api/v1/customers/" + id;
        Map<String, String> checkIns = Map.of("notes", "{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\", \"notes\": \""
                + NUL + "\"}");
        Map<String, String> feedback = Map.of("comment", "{\"score\": 9, \"comment\": \"" + NUL + "\"}");
        Map<String, String> reviews = Map.of("url", "{\"platform\": \"G2\", \"rating\": 5, \"url\": \"https://g2.example/"
                + NUL + "\"}");
        Map<String, String> referrals = Map.of(
                "companyName", REFERRAL.formatted(NUL, "Charles", "Met"),
                "contact.firstName", REFERRAL.formatted("Babbage & Co", NUL, "Met"),
                "note", REFERRAL.formatted("Babbage & Co", "Charles", NUL));
        Map<String, Map<String, String>> commands = new LinkedHashMap<>();
        commands.put(base + "/check-ins", checkIns);
        commands.put(base + "/feedback", feedback);
        commands.put(base + "/reviews", reviews);
        commands.put(base + "/referrals", referrals);
        commands.put(base + "/expansions", Map.of("reason", EXPANSION.formatted(NUL),
                "delta.currency", EXPANSION.formatted("More seats").replace("\"EUR\"", "\"E\\u0000R\"")));
        commands.put(base + "/contractions", Map.of("reason", CONTRACTION.formatted(NUL)));
        commands.put(base + "/churn", Map.of("note", "{\"reason\": \"PRICE\", \"note\": \"" + NUL + "\"}"));
        commands.put(base + "/assign", Map.of("csmId", "{\"csmId\": \"" + NUL + "\"}"));
        commands.forEach((path, bodies) -> bodies.forEach((field, body) -> refused(post(chris(), path, body), field)));
        refused(patch(chris(), id, "\"1\"", "{\"notes\": \"" + NUL + "\"}"), "notes");
        refused(patch(chris(), id, "\"1\"", "{\"contact\": {\"lastName\": \"" + NUL + "\"}}"), "contact.lastName");

        String due = onboard(company("Nul Renewal"), startOfContractDueSoon(), 12, "3750.00");
        String renewal = openRenewal(due);
        refused(post(chris(), "/api/v1/renewals/" + renewal + "/churn", "{\"reason\": \"PRICE\", \"note\": \"" + NUL
                + "\"}"), "note");
        refused(post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW.formatted("")
                .replace("\"EUR\"", "\"E\\u0000R\"")), "newMrr.currency");

        for (String touchpoints : List.of("/check-ins", "/feedback", "/reviews", "/referrals")) {
            get(manager(), base + touchpoints).statusCode(200).body("items", hasSize(0));
        }
        get(manager(), base).statusCode(200).body("version", equalTo(1)).body("status", equalTo("ACTIVE"))
                .body("mrr[0].amount", equalTo("3750.00"));
        get(manager(), "/api/v1/renewals/" + renewal).statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void aNulInAnyQueryOrPathParameterIsA400NamingIt() {
        String id = onboard(company("Nul Queries"));
        String nul = "a\u0000b";
        for (String parameter : List.of("q", "csm", "band", "status", "renewalFrom", "renewalTo", "limit", "cursor")) {
            refused(list("/api/v1/customers", parameter, nul), parameter);
        }
        for (String parameter : List.of("dueBefore", "status", "csm", "customer", "limit", "cursor")) {
            refused(list("/api/v1/renewals", parameter, nul), parameter);
        }
        for (String collection : List.of("/history", "/check-ins", "/feedback", "/reviews", "/referrals")) {
            refused(list("/api/v1/customers/" + id + collection, "cursor", nul), "cursor");
        }
        refused(given().header("Authorization", manager()).when().get("/api/v1/customers/{id}", nul).then(), "id");
        refused(given().header("Authorization", manager()).when().get("/api/v1/renewals/{id}", nul).then(), "id");
        refused(given().header("Authorization", chris()).contentType(ContentType.JSON)
                .body("{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\"}")
                .when().post("/api/v1/customers/{id}/check-ins", nul).then(), "id");
        get(manager(), "/api/v1/customers/" + id + "/check-ins").statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aRepeatedMemberOfAnyCommandIsA400NamingIt() {
        String id = onboard(company("Repeated Members"));
        String base = "/api/v1/customers/" + id;
        Map<String, List<String>> commands = new LinkedHashMap<>();
        commands.put(base + "/assign", List.of("csmId", "{\"csmId\": \"" + CHRIS + "\", \"csmId\": \"" + UUID.randomUUID()
                + "\"}"));
        commands.put(base + "/check-ins", List.of("sentiment",
                "{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\", \"sentiment\": \"NEGATIVE\"}"));
        commands.put(base + "/feedback", List.of("score", "{\"score\": 9, \"score\": 1}"));
        commands.put(base + "/reviews", List.of("rating", "{\"platform\": \"G2\", \"rating\": 5, \"rating\": 1}"));
        commands.put(base + "/referrals", List.of("contact.email", "{\"contact\": {\"firstName\": \"C\", \"lastName\":"
                + " \"B\", \"email\": \"c@b.example\", \"email\": \"d@b.example\"}}"));
        commands.put(base + "/expansions", List.of("delta.amount", "{\"delta\": {\"amount\": \"10.00\", \"amount\":"
                + " \"10000.00\", \"currency\": \"EUR\"}, \"kind\": \"UPSELL\", \"reason\": \"Seats\"}"));
        commands.put(base + "/contractions", List.of("kind", "{\"delta\": {\"amount\": \"10.00\", \"currency\": \"EUR\"},"
                + " \"kind\": \"DISCOUNT\", \"kind\": \"DOWNGRADE\", \"reason\": \"Less\"}"));
        commands.put(base + "/churn", List.of("reason", "{\"reason\": \"PRICE\", \"reason\": \"OTHER\"}"));
        commands.forEach((path, fieldAndBody) -> refused(post(chris(), path, fieldAndBody.get(1)), fieldAndBody.get(0)));
        refused(patch(chris(), id, "\"1\"", "{\"notes\": \"x\", \"notes\": \"y\"}"), "notes");
        refused(patch(chris(), id, "\"1\"", "{\"contact\": {\"phone\": \"+44 1\", \"phone\": \"+44 2\"}}"),
                "contact.phone");

        String due = onboard(company("Repeated Renewal"), startOfContractDueSoon(), 12, "3750.00");
        String renewal = openRenewal(due);
        refused(post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW.formatted(", \"termMonths\": 24")),
                "termMonths");
        refused(post(chris(), "/api/v1/renewals/" + renewal + "/churn",
                "{\"reason\": \"PRICE\", \"note\": \"a\", \"note\": \"b\"}"), "note");

        get(manager(), base + "/check-ins").statusCode(200).body("items", hasSize(0));
        get(manager(), base).statusCode(200).body("version", equalTo(1)).body("csmId", equalTo(CHRIS.toString()))
                .body("status", equalTo("ACTIVE")).body("mrr[0].amount", equalTo("3750.00"));
        get(manager(), "/api/v1/renewals/" + renewal).statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void datesOutsideTheRuleInQueriesBodiesAndCursorsAre400s() {
        String due = onboard(company("Far Dates"), startOfContractDueSoon(), 12, "3750.00");
        String renewal = openRenewal(due);
        for (String date : List.of(FAR_DATE, "-5000-01-01", "1899-12-31", "10000-01-01", "2026-02-30", "2026-1-01")) {
            refused(list("/api/v1/customers", "renewalFrom", date), "renewalFrom");
            refused(list("/api/v1/customers", "renewalTo", date), "renewalTo");
            refused(list("/api/v1/renewals", "dueBefore", date), "dueBefore");
            refused(post(chris(), "/api/v1/renewals/" + renewal + "/renew",
                    RENEW.formatted(", \"startDate\": \"" + date + "\"")), "startDate");
            refused(list("/api/v1/renewals", "cursor", cursor(date, UUID.randomUUID().toString())), "cursor");
        }
        refused(post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW.formatted(", \"startDate\": 20261201")),
                "startDate");
        // The bounds of the rule are dates like any other.
        list("/api/v1/customers", "renewalFrom", "1900-01-01").statusCode(200);
        list("/api/v1/renewals", "dueBefore", "9999-12-31").statusCode(200);
        list("/api/v1/renewals", "cursor", cursor("9999-12-31", UUID.randomUUID().toString())).statusCode(200)
                .body("items", hasSize(0));
        get(manager(), "/api/v1/renewals/" + renewal).statusCode(200).body("status", equalTo("OPEN"));
    }

    @Test
    void parallelWritesToOneCustomerNeverFailTheServerAndStoreExactlyTheWinners() throws Exception {
        String id = onboard(company("Racing Writes"));
        String base = "/api/v1/customers/" + id;
        List<Response> checkIns = Race.of(i -> given().header("Authorization", chris()).contentType(ContentType.JSON)
                .body("{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\", \"notes\": \"Call " + i + "\"}")
                .when().post(base + "/check-ins"));
        int stored = Race.winners(checkIns, 201, 409);
        assertTrue(stored >= 1, "at least one check-in is recorded");
        get(manager(), base + "/check-ins").statusCode(200).body("items", hasSize(stored));
        assertEquals(1 + stored, version(id));

        List<Response> expansions = Race.of(i -> given().header("Authorization", chris()).contentType(ContentType.JSON)
                .body(EXPANSION.formatted("Seats " + i)).when().post(base + "/expansions"));
        int expanded = Race.winners(expansions, 200, 409);
        assertTrue(expanded >= 1, "at least one expansion is recorded");
        get(manager(), base).statusCode(200).body("mrr[0].amount", equalTo("%d.00".formatted(3750 + 10 * expanded)))
                .body("version", equalTo(1 + stored + expanded));
    }

    @Test
    void parallelPatchesOfOneVersionHaveExactlyOneWinnerAndThe412sAreProblems() throws Exception {
        String id = onboard(company("Racing Patches"));
        List<Response> responses = Race.of(i -> given().header("Authorization", chris()).header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json").body("{\"notes\": \"Editor " + i + "\"}")
                .when().patch("/api/v1/customers/" + id));
        assertEquals(1, Race.winners(responses, 200, 412), responses.stream().map(Response::asString).toList().toString());
        String notes = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("notes");
        get(manager(), "/api/v1/customers/" + id).statusCode(200).header("ETag", "\"2\"")
                .body("notes", equalTo(notes));
    }

    @Test
    void aWonDealWithTextOrDatesOutsideTheRuleIsDeadLetteredWithItsReason() {
        String key = UUID.randomUUID().toString();
        String farStart = company("Far Start");
        String nulContact = company("Nul Contact");
        String nulCompany = company("Nul Company");
        Map<String, String> poison = new LinkedHashMap<>();
        poison.put("contract.startDate", won(UUID.randomUUID().toString(), farStart, null, today(), 12, "10.00", "EUR")
                .replace("\"startDate\": \"" + today() + "\"", "\"startDate\": \"" + FAR_DATE + "\""));
        poison.put("contact.lastName", won(UUID.randomUUID().toString(), nulContact, null, today(), 12, "10.00", "EUR")
                .replace("\"Lovelace\"", "\"Love\\u0000lace\""));
        poison.put("companyName", won(UUID.randomUUID().toString(), nulCompany, null, today(), 12, "10.00", "EUR")
                .replace(nulCompany, nulCompany + "\\u0000"));
        Map<String, String> eventIds = new LinkedHashMap<>();
        poison.forEach((field, payload) -> {
            String eventId = UUID.randomUUID().toString();
            eventIds.put(eventId, field);
            send(eventId, key, payload);
        });
        String after = company("After Hostile Deals");
        send(UUID.randomUUID().toString(), key, won(UUID.randomUUID().toString(), after, null, today(), 12, "5.00", "EUR"));

        // One key, one partition, in order: once the last customer exists, the poison before it was set aside.
        awaitCustomer(after);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestDatabase.deadLettered(eventIds.keySet()).size() == eventIds.size());
        eventIds.forEach((eventId, field) -> {
            String reason = TestDatabase.strings("SELECT reason FROM dead_letter WHERE event_id = ?", eventId)
                    .iterator().next();
            assertTrue(reason.contains(field), field + ": " + reason);
        });
        for (String company : List.of(farStart, nulContact, nulCompany)) {
            assertEquals(List.of(), customersNamed(company));
        }
    }
}
