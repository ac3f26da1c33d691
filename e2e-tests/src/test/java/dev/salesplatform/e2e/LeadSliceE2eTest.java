package dev.salesplatform.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The first slice through every layer: a real Keycloak token, the gateway, lead-service and its
 * outbox, Kafka, and analytics-service's projection.
 */
class LeadSliceE2eTest {

    static final String PROBLEM = "application/problem+json";

    static String lead(String email) {
        return """
                {"firstName": "Ada", "lastName": "Lovelace", "email": "%s",
                 "company": {"name": "Analytical Engines Ltd"}, "source": "WEB_FORM"}""".formatted(email);
    }

    static int createdToday(String managerToken) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return given().auth().oauth2(managerToken)
                .queryParam("from", today.toString()).queryParam("to", today.plusDays(1).toString())
                .when().get(Stack.GATEWAY + "/api/v1/analytics/funnel")
                .then().statusCode(200).extract().path("created");
    }

    @Test
    void sdrCreatesALeadThroughTheGatewayAndAnalyticsCountsIt() {
        String sdr = Stack.userToken("sara.sdr");
        String manager = Stack.userToken("morgan.manager");
        int before = createdToday(manager);

        String email = "e2e-" + UUID.randomUUID() + "@example.com";
        String location = given().auth().oauth2(sdr).contentType(ContentType.JSON).body(lead(email))
                .when().post(Stack.GATEWAY + "/api/v1/leads")
                .then().statusCode(201)
                .header("Location", startsWith("/api/v1/leads/"))
                .header("X-Request-Id", org.hamcrest.Matchers.notNullValue())
                .body("ownerId", equalTo(Stack.SARA_SDR_ID))
                .body("status", equalTo("NEW"))
                .extract().header("Location");

        given().auth().oauth2(sdr)
                .when().get(Stack.GATEWAY + location)
                .then().statusCode(200).body("email", equalTo(email));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> createdToday(manager) >= before + 1);
    }

    @Test
    void marketingToolCreatesLeadsWithClientCredentials() {
        given().auth().oauth2(Stack.integrationToken()).contentType(ContentType.JSON)
                .body(lead("mt-" + UUID.randomUUID() + "@example.com"))
                .when().post(Stack.GATEWAY + "/api/v1/leads")
                .then().statusCode(201).body("ownerId", nullValue());
    }

    @Test
    void noTokenIs401ProblemAtTheGateway() {
        given().contentType(ContentType.JSON).body(lead("anon@example.com"))
                .when().post(Stack.GATEWAY + "/api/v1/leads")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void tokenWithoutALeadRoleIs403Problem() {
        String noRole = Stack.userToken("nora.norole");
        given().auth().oauth2(noRole).contentType(ContentType.JSON).body(lead("nr@example.com"))
                .when().post(Stack.GATEWAY + "/api/v1/leads")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Stack.userToken("sara.sdr"))
                .when().get(Stack.GATEWAY + "/api/v1/analytics/funnel")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
