package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.get;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.Race;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Parallel writes to one lead: each either wins or loses the race with a 409 (412 when it named the
 * version with If-Match) problem, never a 500, and what is stored is exactly what the winners wrote.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadConcurrencyTest {

    @Test
    void parallelActivitiesOnOneLeadEachWinOrLoseWith409() throws Exception {
        String id = create(sdr(SARA), leadJson(email("race-activity")));
        List<Response> responses = Race.of(racer -> given().header("Authorization", sdr(SARA)).contentType(ContentType.JSON)
                .body("{\"type\": \"CALL\", \"outcome\": \"Connected\"}")
                .when().post("/api/v1/leads/" + id + "/activities"));
        int won = Race.winners(responses, 201, 409);
        assertTrue(won >= 1, "at least one activity is logged");
        List<Object> stored = get(sdr(SARA), "/api/v1/leads/" + id + "/activities").statusCode(200).extract().path("items");
        assertEquals(won, stored.size());
        // The same number of activities one after the other gives the lead the same version.
        String sequential = create(sdr(SARA), leadJson(email("race-reference")));
        for (int i = 0; i < won; i++) {
            LeadApi.call(sdr(SARA), sequential).statusCode(201);
        }
        assertEquals(version(sequential), version(id));
    }

    static int version(String id) {
        return get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200).extract().path("version");
    }

    @Test
    void parallelPatchesOfOneVersionHaveExactlyOneWinner() throws Exception {
        String id = create(sdr(SARA), leadJson(email("race-patch")));
        List<Response> responses = Race.of(racer -> given().header("Authorization", sdr(SARA)).header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json").body("{\"title\": \"Editor " + racer + "\"}")
                .when().patch("/api/v1/leads/" + id));
        assertEquals(1, Race.winners(responses, 200, 412), responses.stream().map(Response::asString).toList().toString());
        String winner = responses.stream().filter(r -> r.statusCode() == 200).findFirst().orElseThrow().path("title");
        get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200)
                .body("version", equalTo(1)).body("title", equalTo(winner));
    }
}
