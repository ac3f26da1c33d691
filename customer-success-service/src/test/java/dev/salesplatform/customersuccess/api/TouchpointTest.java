package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.CHRIS;
import static dev.salesplatform.customersuccess.api.CustomerApi.PROBLEM;
import static dev.salesplatform.customersuccess.api.CustomerApi.chris;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.eventsOf;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static dev.salesplatform.customersuccess.api.CustomerApi.post;
import static dev.salesplatform.customersuccess.api.CustomerApi.read;
import static dev.salesplatform.customersuccess.api.CustomerApi.types;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** Check-ins, NPS feedback, reviews and referrals: each a touchpoint that recomputes the health. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TouchpointTest {

    static final String REFERRAL = """
            {"companyName": "Babbage & Co", "contact": {"firstName": "Charles", "lastName": "Babbage",
             "email": "charles@babbage.example", "phone": "+44 20 7946 0001", "title": "Founder"},
             "note": "Met at our user day"}""";

    @Test
    void touchpointsAreRecordedListedAndAnnounced() {
        String id = onboard(company("Touchy"));
        String base = "/api/v1/customers/" + id;
        post(chris(), base + "/check-ins", "{\"type\": \"QBR\", \"sentiment\": \"POSITIVE\", \"notes\": \" Good \"}")
                .statusCode(201)
                .header("Location", base + "/check-ins")
                .body("type", equalTo("QBR")).body("sentiment", equalTo("POSITIVE")).body("notes", equalTo("Good"))
                .body("recordedBy", equalTo(CHRIS.toString()));
        post(chris(), base + "/feedback", "{\"score\": 9, \"comment\": \"Love it\"}")
                .statusCode(201).body("score", equalTo(9)).body("category", equalTo("PROMOTER"));
        post(chris(), base + "/reviews", "{\"platform\": \"G2\", \"rating\": 5, \"url\": \"https://g2.example/r/1\"}")
                .statusCode(201).body("platform", equalTo("G2")).body("rating", equalTo(5));
        post(chris(), base + "/referrals", REFERRAL).statusCode(201)
                .body("contact.email", equalTo("charles@babbage.example")).body("companyName", equalTo("Babbage & Co"));

        get(manager(), base + "/check-ins").statusCode(200).body("items", hasSize(1));
        get(manager(), base + "/feedback").statusCode(200).body("items[0].category", equalTo("PROMOTER"));
        get(manager(), base + "/reviews").statusCode(200).body("items[0].url", equalTo("https://g2.example/r/1"));
        get(manager(), base + "/referrals").statusCode(200).body("items[0].contact.title", equalTo("Founder"));
        // 80 + 10 (promoter) + 5 (positive check-in).
        get(manager(), base).statusCode(200)
                .body("health.score", equalTo(95))
                .body("health.band", equalTo("GREEN"))
                .body("health.reasons.code", equalTo(List.of("NPS_PROMOTER", "CHECK_INS_POSITIVE")))
                .body("lastTouchpointAt", notNullValue())
                .body("version", equalTo(5));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 6);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.check-in-recorded.v1",
                "customer.feedback-recorded.v1", "customer.review-posted.v1", "customer.referral-made.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        assertEquals("PROMOTER", read(events.get(3)).get("category").asText());
        assertEquals(9, read(events.get(3)).get("score").asInt());
        assertEquals(CHRIS.toString(), read(events.get(3)).get("csmId").asText());

        JsonNode referral = read(events.get(5));
        assertEquals(id, referral.get("customerId").asText());
        assertEquals("Babbage & Co", referral.get("companyName").asText());
        assertEquals("Charles", referral.get("contactFirstName").asText());
        assertEquals("Babbage", referral.get("contactLastName").asText());
        assertEquals("charles@babbage.example", referral.get("contactEmail").asText());
        assertEquals("+44 20 7946 0001", referral.get("contactPhone").asText());
        assertEquals("Founder", referral.get("contactTitle").asText());
        assertEquals("Met at our user day", referral.get("note").asText());
        String referralId = get(manager(), base + "/referrals").extract().path("items[0].id");
        assertEquals(referralId, referral.get("referralId").asText());
        assertEquals(CHRIS.toString(), referral.get("actorId").asText());
    }

    @Test
    void aDetractorMovesTheBandAndOnlyABandChangeIsAnEvent() {
        String id = onboard(company("Unhappy"));
        String base = "/api/v1/customers/" + id;
        // 80 - 5 (passive) - 10 (negative): 65, YELLOW.
        post(chris(), base + "/feedback", "{\"score\": 7}").statusCode(201).body("category", equalTo("PASSIVE"));
        post(chris(), base + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEGATIVE\"}").statusCode(201);
        get(chris(), base).statusCode(200).body("health.score", equalTo(65)).body("health.band", equalTo("YELLOW"));
        // 80 - 25 (detractor) - 20 (two negatives): 35, RED.
        post(chris(), base + "/feedback", "{\"score\": 3, \"comment\": \"Slow support\"}").statusCode(201)
                .body("category", equalTo("DETRACTOR"));
        post(chris(), base + "/check-ins", "{\"type\": \"EMAIL\", \"sentiment\": \"NEGATIVE\"}").statusCode(201);
        get(chris(), base).statusCode(200).body("health.score", equalTo(35)).body("health.band", equalTo("RED"))
                .body("health.reasons.code", equalTo(List.of("NPS_DETRACTOR", "CHECK_INS_NEGATIVE")))
                .body("health.reasons[1].points", equalTo(-20));
        // Neutral check-in: no band change, no event.
        post(chris(), base + "/check-ins", "{\"type\": \"MEETING\", \"sentiment\": \"NEUTRAL\"}").statusCode(201);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 9);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.feedback-recorded.v1",
                "customer.check-in-recorded.v1", "customer.health-changed.v1", "customer.feedback-recorded.v1",
                "customer.check-in-recorded.v1", "customer.health-changed.v1", "customer.check-in-recorded.v1"),
                types(events));
        events.forEach(EventCatalogue::assertMatches);
        JsonNode yellow = read(events.get(4));
        assertEquals("GREEN", yellow.get("previousBand").asText());
        assertEquals("YELLOW", yellow.get("band").asText());
        assertEquals(75, yellow.get("previousScore").asInt());
        assertEquals(65, yellow.get("score").asInt());
        // The band changed with the check-in: same change, same version.
        assertEquals(read(events.get(3)).get("aggregateVersion"), yellow.get("aggregateVersion"));
        JsonNode red = read(events.get(7));
        assertEquals("YELLOW", red.get("previousBand").asText());
        assertEquals("RED", red.get("band").asText());
        assertEquals(45, red.get("previousScore").asInt());
        assertEquals(35, red.get("score").asInt());
        assertEquals(2, red.get("reasons").size());
    }

    @Test
    void badTouchpointsAreProblems() {
        String id = onboard(company("Picky"));
        String base = "/api/v1/customers/" + id;
        for (String body : new String[] {"{", "{}", "{\"type\": \"FAX\", \"sentiment\": \"POSITIVE\"}",
                "{\"type\": \"CALL\", \"sentiment\": \"ANGRY\"}", "{\"type\": 1, \"sentiment\": \"POSITIVE\"}",
                "{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\", \"notes\": \"" + "n".repeat(5001) + "\"}",
                "{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\", \"recordedBy\": \"x\"}"}) {
            post(chris(), base + "/check-ins", body).statusCode(400).contentType(PROBLEM);
        }
        for (String body : new String[] {"{}", "{\"score\": 11}", "{\"score\": -1}", "{\"score\": 7.5}",
                "{\"score\": \"nine\"}", "{\"score\": 5, \"category\": \"PROMOTER\"}"}) {
            post(chris(), base + "/feedback", body).statusCode(400).contentType(PROBLEM);
        }
        for (String body : new String[] {"{\"platform\": \"G2\"}", "{\"platform\": \"YELP\", \"rating\": 3}",
                "{\"platform\": \"G2\", \"rating\": 0}", "{\"platform\": \"G2\", \"rating\": 6}",
                "{\"platform\": \"G2\", \"rating\": 4.5}",
                "{\"platform\": \"G2\", \"rating\": 4, \"url\": \"javascript:alert(1)\"}",
                "{\"platform\": \"G2\", \"rating\": 4, \"url\": \"ftp://x.example/r\"}",
                "{\"platform\": \"G2\", \"rating\": 4, \"url\": \"https://" + "x".repeat(2000) + ".example\"}"}) {
            post(chris(), base + "/reviews", body).statusCode(400).contentType(PROBLEM);
        }
        for (String body : new String[] {"{}", REFERRAL.replace("charles@babbage.example", "not-an-email"),
                REFERRAL.replace("\"charles@babbage.example\"", "null"), REFERRAL.replace("\"Charles\"", "\"\""),
                REFERRAL.replace("Babbage & Co", "c".repeat(201)), REFERRAL.replace("+44 20 7946 0001", "call me")}) {
            post(chris(), base + "/referrals", body).statusCode(400).contentType(PROBLEM);
        }
        String missing = "/api/v1/customers/" + UUID.randomUUID();
        post(chris(), missing + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"POSITIVE\"}").statusCode(404)
                .contentType(PROBLEM);
        get(chris(), missing + "/feedback").statusCode(404).contentType(PROBLEM);
        get(chris(), base + "/reviews?limit=0").statusCode(400).contentType(PROBLEM);
        get(chris(), base + "/referrals?cursor=bm9wZQ").statusCode(400).contentType(PROBLEM);
        get(manager(), base).statusCode(200).body("lastTouchpointAt", nullValue());
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstCheckIn() {
        String id = onboard(company("Retrying"));
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", chris()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .when().post("/api/v1/customers/" + id + "/check-ins").then().statusCode(201).extract().path("id");
        given().header("Authorization", chris()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body("{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .when().post("/api/v1/customers/" + id + "/check-ins").then().statusCode(201).body("id", equalTo(first));
        get(chris(), "/api/v1/customers/" + id + "/check-ins").statusCode(200).body("items", hasSize(1));
    }
}
