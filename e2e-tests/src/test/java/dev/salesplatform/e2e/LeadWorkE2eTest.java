package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Prospecting through the gateway with real Keycloak tokens: a marketing tool imports leads as
 * CSV, an SDR claims one and works it to the hand-off, another SDR cannot touch it, and the
 * account executive's deal appears by itself.
 */
class LeadWorkE2eTest {

    static final String AE_ID = "00000000-0000-7000-8000-000000000003";

    @Test
    void importedLeadIsClaimedWorkedAndHandedOff() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String integration = Stack.integrationToken();
        String csv = "firstName,lastName,email,title,companyName,companyEmployees,source\n"
                + "Ada,Lovelace,ada-" + marker + "@example.com,CTO,Engines-" + marker + ",120,MARKETING_AUTOMATION\n"
                + "Bad,Row,not-an-email,,,,MARKETING_AUTOMATION\n"
                + "Grace,Hopper,grace-" + marker + "@example.com,Director,Navy,6000,EVENT\n";
        String job = given().auth().oauth2(integration).contentType("text/csv").body(csv)
                .when().post(Stack.GATEWAY + "/api/v1/lead-imports")
                .then().statusCode(202).header("Location", startsWith("/api/v1/lead-imports/"))
                .extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                "COMPLETED".equals(given().auth().oauth2(integration).when().get(Stack.GATEWAY + job)
                        .then().statusCode(200).extract().path("status")));
        given().auth().oauth2(integration).when().get(Stack.GATEWAY + job).then()
                .body("counts.total", equalTo(3))
                .body("counts.created", equalTo(2))
                .body("counts.failed", equalTo(1))
                .body("errors[0].row", equalTo(3))
                .body("errors[0].field", equalTo("email"));

        String sara = Stack.userToken("sara.sdr");
        List<String> found = given().auth().oauth2(sara).queryParam("q", "ada-" + marker)
                .when().get(Stack.GATEWAY + "/api/v1/leads").then().statusCode(200).extract().path("items.id");
        assertOne(found);
        String lead = Stack.GATEWAY + "/api/v1/leads/" + found.get(0);

        given().auth().oauth2(sara).contentType(ContentType.JSON).body("{\"ownerId\": \"" + Stack.SARA_SDR_ID + "\"}")
                .when().post(lead + "/assign").then().statusCode(200).body("ownerId", equalTo(Stack.SARA_SDR_ID));
        String sam = Stack.userToken("sam.sdr");
        given().auth().oauth2(sam).contentType(ContentType.JSON).body("{\"type\": \"CALL\"}")
                .when().post(lead + "/activities").then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(sara).contentType(ContentType.JSON).body("{\"type\": \"MEETING\", \"outcome\": \"Demo\"}")
                .when().post(lead + "/activities").then().statusCode(201);
        Response read = given().auth().oauth2(sara).when().get(lead).then().statusCode(200)
                .body("status", equalTo("CONTACTED")).extract().response();
        given().auth().oauth2(sara).header("If-Match", read.header("ETag"))
                .contentType("application/merge-patch+json").body("{\"notes\": \"Budget confirmed\"}")
                .when().patch(lead).then().statusCode(200).body("notes", equalTo("Budget confirmed"));
        given().auth().oauth2(sara).contentType(ContentType.JSON).body("""
                {"budget": {"amount": "40000.00", "currency": "EUR"}, "authority": "CTO decides",
                 "need": "Pipeline visibility", "timeline": "2099-01-31"}""")
                .when().post(lead + "/qualify").then().statusCode(200).body("status", equalTo("QUALIFIED"));
        given().auth().oauth2(sara).contentType(ContentType.JSON).body("""
                {"accountExecutiveId": "%s", "estimatedValue": {"amount": "36000.00", "currency": "EUR"}}"""
                .formatted(AE_ID))
                .when().post(lead + "/handoff").then().statusCode(200).body("status", equalTo("HANDED_OFF"));
        given().auth().oauth2(sara).when().get(lead + "/history").then().statusCode(200)
                .body("items.type", equalTo(List.of("lead.created.v1", "lead.assigned.v1", "lead.activity-logged.v1",
                        "lead.updated.v1", "lead.qualified.v1", "lead.handed-off.v1")));

        // deal-service opens the account executive's deal from the hand-off event by itself.
        String alex = Stack.userToken("alex.ae");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                given().auth().oauth2(alex).queryParam("q", "Engines-" + marker)
                        .when().get(Stack.GATEWAY + "/api/v1/deals").then().statusCode(200)
                        .extract().<List<String>>path("items.id").size() == 1);
        given().auth().oauth2(alex).queryParam("q", "Engines-" + marker)
                .when().get(Stack.GATEWAY + "/api/v1/deals").then()
                .body("items[0].leadId", equalTo(found.get(0)))
                .body("items[0].ownerId", equalTo(AE_ID))
                .body("items[0].stage", equalTo("DISCOVERY"))
                .body("items[0].amount.amount", equalTo("36000.00"))
                .body("items[0].contact.email", equalTo("ada-" + marker + "@example.com"));
    }

    private static void assertOne(List<String> ids) {
        org.junit.jupiter.api.Assertions.assertEquals(1, ids.size(), "leads found: " + ids);
    }
}
