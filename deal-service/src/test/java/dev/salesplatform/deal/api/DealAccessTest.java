package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.patch;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may call what: tokens, roles, and deals that belong to someone else; and malformed requests. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealAccessTest {

    /** Every deal endpoint as {method, path} for a deal id, with a body that would otherwise be valid. */
    static List<String[]> endpoints(String id) {
        return List.of(
                new String[] {"POST", "/api/v1/deals", dealJson("Any")},
                new String[] {"GET", "/api/v1/deals", null},
                new String[] {"GET", "/api/v1/deals/" + id, null},
                new String[] {"PATCH", "/api/v1/deals/" + id, "{\"name\": \"X\"}"},
                new String[] {"POST", "/api/v1/deals/" + id + "/stage", "{\"stage\": \"DEMO\"}"},
                new String[] {"POST", "/api/v1/deals/" + id + "/win", winJson()},
                new String[] {"POST", "/api/v1/deals/" + id + "/lose", "{\"reason\": \"PRICE\"}"},
                new String[] {"GET", "/api/v1/deals/" + id + "/history", null},
                new String[] {"POST", "/api/v1/deals/" + id + "/team",
                        "{\"userId\": \"" + UUID.randomUUID() + "\", \"role\": \"SALES_SPECIALIST\"}"},
                new String[] {"DELETE", "/api/v1/deals/" + id + "/team/" + UUID.randomUUID(), null},
                new String[] {"GET", "/api/v1/pipelines", null},
                new String[] {"POST", "/api/v1/pipelines", "{\"name\": \"X\", \"stages\": []}"});
    }

    static io.restassured.response.ValidatableResponse call(String authorization, String[] endpoint) {
        var request = given().contentType(endpoint[0].equals("PATCH") ? "application/merge-patch+json" : "application/json")
                .header("If-Match", "\"0\"");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (endpoint[2] != null) {
            request.body(endpoint[2]);
        }
        return request.when().request(endpoint[0], endpoint[1]).then();
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Guarded"));
        for (String[] endpoint : endpoints(id)) {
            for (String token : new String[] {null, "Bearer " + TestTokens.expired(owner, "account-executive"),
                    "Bearer " + TestTokens.forged(owner, "account-executive"), "Bearer not-a-jwt"}) {
                call(token, endpoint).statusCode(401).contentType(PROBLEM);
            }
        }
    }

    @Test
    void rolesOutsideSalesClosingAre403() {
        String id = create(ae(UUID.randomUUID()), dealJson("Not for SDRs"));
        for (String role : new String[] {"sdr", "customer-success", "integration"}) {
            for (String[] endpoint : endpoints(id)) {
                call(TestTokens.bearer(UUID.randomUUID(), role), endpoint).statusCode(403).contentType(PROBLEM);
            }
        }
    }

    @Test
    void anAccountExecutiveCannotTouchAnotherAccountExecutivesDeal() {
        String id = create(ae(UUID.randomUUID()), dealJson("Someone else's"));
        String other = ae(UUID.randomUUID());
        get(other, "/api/v1/deals/" + id).statusCode(403).contentType(PROBLEM);
        get(other, "/api/v1/deals/" + id + "/history").statusCode(403).contentType(PROBLEM);
        patch(other, id, "\"0\"", "{\"name\": \"Mine now\"}").statusCode(403).contentType(PROBLEM);
        stage(other, id, "DEMO").statusCode(403).contentType(PROBLEM);
        post(other, "/api/v1/deals/" + id + "/win", winJson()).statusCode(403).contentType(PROBLEM);
        post(other, "/api/v1/deals/" + id + "/lose", "{\"reason\": \"PRICE\"}").statusCode(403).contentType(PROBLEM);
        post(other, "/api/v1/deals/" + id + "/team", "{\"userId\": \"" + UUID.randomUUID()
                + "\", \"role\": \"SALES_SPECIALIST\"}").statusCode(403).contentType(PROBLEM);
        // Filtering by another owner shows only what the caller owns or is on: nothing here.
        get(other, "/api/v1/deals?owner=" + UUID.randomUUID()).statusCode(200).body("items", equalTo(List.of()));
        // A manager works it.
        stage(manager(), id, "DEMO").statusCode(200);
    }

    @Test
    void aSalesSpecialistNotOnTheTeamNeitherReadsNorWrites() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Specialist view"));
        String specialist = TestTokens.bearer(UUID.randomUUID(), "sales-specialist");
        get(specialist, "/api/v1/deals/" + id).statusCode(403).contentType(PROBLEM);
        get(specialist, "/api/v1/deals/" + id + "/history").statusCode(403).contentType(PROBLEM);
        get(specialist, "/api/v1/deals?owner=" + owner).statusCode(200).body("items", equalTo(List.of()));
        post(specialist, "/api/v1/deals", dealJson("Nope")).statusCode(403);
        stage(specialist, id, "DEMO").statusCode(403).contentType(PROBLEM);
        patch(specialist, id, "\"0\"", "{\"name\": \"Nope\"}").statusCode(403);
        post(specialist, "/api/v1/deals/" + id + "/team", "{\"userId\": \"" + UUID.randomUUID()
                + "\", \"role\": \"SALES_SPECIALIST\"}").statusCode(403).contentType(PROBLEM);
    }

    @Test
    void malformedRequestsAreProblems() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("Input checks"));
        String missing = UUID.randomUUID().toString();
        get(ae(me), "/api/v1/deals/not-a-uuid").statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        get(ae(me), "/api/v1/deals/" + missing).statusCode(404).contentType(PROBLEM);
        get(ae(me), "/api/v1/deals/" + missing + "/history").statusCode(404).contentType(PROBLEM);
        patch(ae(me), missing, "\"0\"", "{\"name\": \"X\"}").statusCode(404).contentType(PROBLEM);
        stage(ae(me), missing, "DEMO").statusCode(404).contentType(PROBLEM);
        post(ae(me), "/api/v1/deals/" + missing + "/win", winJson()).statusCode(404).contentType(PROBLEM);
        post(ae(me), "/api/v1/deals/" + missing + "/lose", "{\"reason\": \"PRICE\"}").statusCode(404).contentType(PROBLEM);
        for (String body : new String[] {"{", "[]", "{\"name\": \"X\"}", dealJson("X").replace("48000.00", "-5"),
                dealJson("X").replace("EUR", "euro"), dealJson("X").replace("48000.00", "abc"),
                dealJson("X").replace("2027-03-31", "2027-13-40"), dealJson("X").replace("ada@example.com", "nope"),
                dealJson("X").replace("\"name\": \"X\"", "\"name\": \"" + "n".repeat(201) + "\""),
                dealJson("X").replace("\"name\"", "\"stage\": \"DEMO\", \"name\""),
                dealJson("X").replace("\"name\"", "\"status\": \"WON\", \"name\""),
                dealJson("X").replace("\"name\"", "\"pipelineId\": \"" + UUID.randomUUID() + "\", \"name\"")}) {
            post(ae(me), "/api/v1/deals", body).statusCode(400).contentType(PROBLEM);
        }
        given().header("Authorization", ae(me)).contentType(ContentType.TEXT).body("name=X")
                .when().post("/api/v1/deals").then().statusCode(415).contentType(PROBLEM);
        given().header("Authorization", ae(me)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"name\": \"X\"}").when().patch("/api/v1/deals/" + id).then().statusCode(415).contentType(PROBLEM);
        stage(ae(me), id, "").statusCode(400).contentType(PROBLEM);
        for (String query : new String[] {"owner=nope", "pipeline=nope", "expectedCloseFrom=tomorrow",
                "expectedCloseTo=2027-02-30", "q=x", "limit=0", "limit=201", "cursor=bm90LWEtY3Vyc29y"}) {
            get(ae(me), "/api/v1/deals?" + query).statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCreate() {
        UUID me = UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", ae(me)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(dealJson("Once")).when().post("/api/v1/deals")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", ae(me)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(dealJson("Once")).when().post("/api/v1/deals")
                .then().statusCode(201).body("id", equalTo(first));
        given().header("Authorization", ae(me)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(dealJson("Other")).when().post("/api/v1/deals")
                .then().statusCode(422).contentType(PROBLEM);
    }
}
