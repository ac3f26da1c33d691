package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.CHRIS;
import static dev.salesplatform.customersuccess.api.CustomerApi.PROBLEM;
import static dev.salesplatform.customersuccess.api.CustomerApi.admin;
import static dev.salesplatform.customersuccess.api.CustomerApi.chris;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.csm;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static dev.salesplatform.customersuccess.api.CustomerApi.openRenewal;
import static dev.salesplatform.customersuccess.api.CustomerApi.startOfContractDueSoon;
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
import io.restassured.response.ValidatableResponse;

/** Who may call what: tokens, roles, and customers that belong to another CSM; and malformed requests. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerAccessTest {

    /** Every endpoint as {method, path, body} for a customer and renewal, with a body that would otherwise be valid. */
    static List<String[]> endpoints(String id, String renewal) {
        String c = "/api/v1/customers/" + id;
        return List.of(
                new String[] {"GET", "/api/v1/customers", null},
                new String[] {"GET", c, null},
                new String[] {"PATCH", c, "{\"notes\": \"x\"}"},
                new String[] {"POST", c + "/assign", "{\"csmId\": \"" + UUID.randomUUID() + "\"}"},
                new String[] {"GET", c + "/history", null},
                new String[] {"GET", c + "/contracts", null},
                new String[] {"POST", c + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}"},
                new String[] {"GET", c + "/check-ins", null},
                new String[] {"POST", c + "/feedback", "{\"score\": 8}"},
                new String[] {"GET", c + "/feedback", null},
                new String[] {"POST", c + "/reviews", "{\"platform\": \"G2\", \"rating\": 4}"},
                new String[] {"GET", c + "/reviews", null},
                new String[] {"POST", c + "/referrals", TouchpointTest.REFERRAL},
                new String[] {"GET", c + "/referrals", null},
                new String[] {"POST", c + "/expansions", RevenueTest.movement("1", "EUR", "UPSELL")},
                new String[] {"POST", c + "/contractions", RevenueTest.movement("1", "EUR", "DOWNGRADE")},
                new String[] {"POST", c + "/churn", "{\"reason\": \"PRICE\"}"},
                new String[] {"GET", "/api/v1/renewals", null},
                new String[] {"GET", "/api/v1/renewals/" + renewal, null},
                new String[] {"POST", "/api/v1/renewals/" + renewal + "/renew", RenewalTest.RENEW},
                new String[] {"POST", "/api/v1/renewals/" + renewal + "/churn", "{\"reason\": \"PRICE\"}"});
    }

    static ValidatableResponse call(String authorization, String[] endpoint) {
        var request = given().contentType(endpoint[0].equals("PATCH") ? "application/merge-patch+json" : "application/json")
                .header("If-Match", "\"1\"");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (endpoint[2] != null) {
            request.body(endpoint[2]);
        }
        return request.when().request(endpoint[0], endpoint[1]).then();
    }

    static String[] guarded() {
        String id = onboard(company("Guarded"), startOfContractDueSoon(), 12, "3750.00");
        return new String[] {id, openRenewal(id)};
    }

    @Test
    void withoutAValidTokenEveryEndpointIs401() {
        String[] ids = guarded();
        for (String[] endpoint : endpoints(ids[0], ids[1])) {
            for (String token : new String[] {null, "Bearer " + TestTokens.expired(CHRIS, "customer-success"),
                    "Bearer " + TestTokens.forged(CHRIS, "customer-success"), "Bearer not-a-jwt"}) {
                call(token, endpoint).statusCode(401).contentType(PROBLEM);
            }
        }
    }

    @Test
    void rolesOutsideCustomerSuccessAre403() {
        String[] ids = guarded();
        for (String role : new String[] {"sdr", "account-executive", "sales-specialist", "integration"}) {
            for (String[] endpoint : endpoints(ids[0], ids[1])) {
                call(TestTokens.bearer(UUID.randomUUID(), role), endpoint).statusCode(403).contentType(PROBLEM);
            }
        }
    }

    @Test
    void anotherCsmReadsButDoesNotChangeTheCustomer() {
        String[] ids = guarded();
        String other = csm(UUID.randomUUID());
        for (String[] endpoint : endpoints(ids[0], ids[1])) {
            int expected = endpoint[0].equals("GET") ? 200 : 403;
            call(other, endpoint).statusCode(expected);
        }
        // Nothing changed: chris still works it, at its version.
        get(chris(), "/api/v1/customers/" + ids[0]).statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ACTIVE"));
        // An admin changes it.
        given().header("Authorization", admin()).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"notes\": \"Admin was here\"}").when().patch("/api/v1/customers/" + ids[0])
                .then().statusCode(200);
    }

    @Test
    void malformedRequestsAreProblems() {
        String[] ids = guarded();
        String missing = UUID.randomUUID().toString();
        get(chris(), "/api/v1/customers/not-a-uuid").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("id"));
        for (String path : new String[] {"", "/history", "/contracts", "/check-ins", "/feedback", "/reviews",
                "/referrals"}) {
            get(chris(), "/api/v1/customers/" + missing + path).statusCode(404).contentType(PROBLEM);
            get(chris(), "/api/v1/customers/123" + path).statusCode(400).contentType(PROBLEM);
        }
        for (String query : new String[] {"csm=nope", "band=BLUE", "status=LOST", "renewalFrom=tomorrow",
                "renewalTo=2027-02-30", "q=x", "q=" + "q".repeat(101), "limit=0", "limit=201", "limit=ten",
                "cursor=bm90LWEtY3Vyc29y"}) {
            get(chris(), "/api/v1/customers?" + query).statusCode(400).contentType(PROBLEM);
        }
        for (String body : new String[] {"{", "[]", "{}", "{\"csmId\": \"nope\"}", "{\"csmId\": 5}"}) {
            CustomerApi.post(admin(), "/api/v1/customers/" + ids[0] + "/assign", body).statusCode(400)
                    .contentType(PROBLEM);
        }
        given().header("Authorization", chris()).contentType(ContentType.TEXT).body("type=CALL")
                .when().post("/api/v1/customers/" + ids[0] + "/check-ins").then().statusCode(415).contentType(PROBLEM);
        given().header("Authorization", chris()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"notes\": \"x\"}").when().patch("/api/v1/customers/" + ids[0]).then().statusCode(415)
                .contentType(PROBLEM);
        given().header("Authorization", chris()).contentType(ContentType.JSON).body("{\"notes\": \"" + "x".repeat(1_100_000)
                + "\"}").when().post("/api/v1/customers/" + ids[0] + "/check-ins").then().statusCode(413)
                .contentType(PROBLEM);
    }
}
