package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.PROBLEM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.get;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.manager;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every lead command takes an Idempotency-Key: a retried command acts once and answers as the first time. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadIdempotencyTest {

    static Response send(String token, String key, String path, String json) {
        return given().header("Authorization", token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(json).when().post(path);
    }

    @Test
    void aRetriedActivityIsLoggedOnceAndAnsweredAsTheFirstTime() {
        String id = create(sdr(SARA), leadJson(email("retry-activity")));
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/leads/" + id + "/activities";
        String json = "{\"type\": \"CALL\", \"outcome\": \"Connected\"}";
        Response first = send(sdr(SARA), key, path, json);
        Response retry = send(sdr(SARA), key, path, json);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.<String>path("id"), retry.path("id"));
        List<Object> activities = get(sdr(SARA), path).statusCode(200).extract().path("items");
        assertEquals(1, activities.size());
    }

    @Test
    void aRetriedStateChangeReplaysItsAnswerWithItsETag() {
        String id = create(sdr(SARA), leadJson(email("retry-disqualify")));
        String key = UUID.randomUUID().toString();
        String path = "/api/v1/leads/" + id + "/disqualify";
        String json = "{\"reason\": \"NO_BUDGET\"}";
        Response first = send(sdr(SARA), key, path, json);
        assertEquals(200, first.statusCode(), first.asString());
        Response retry = send(sdr(SARA), key, path, json);
        assertEquals(200, retry.statusCode(), "not 409 already-closed: " + retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.<String>path("status"), retry.path("status"));

        Response reopened = send(manager(), key, "/api/v1/leads/" + id + "/reopen", "");
        assertEquals(200, reopened.statusCode(), "the manager's keys are their own: " + reopened.asString());
        Response again = send(manager(), key, "/api/v1/leads/" + id + "/reopen", "");
        assertEquals("true", again.header("Idempotent-Replayed"));
        get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200).body("status", equalTo("NEW"));
    }

    /** The fingerprint is method, path and body: the same key and body on another lead is another request. */
    @Test
    void theSameKeyAndBodyOnAnotherLeadIs422() {
        String one = create(sdr(SARA), leadJson(email("key-one")));
        String other = create(sdr(SARA), leadJson(email("key-other")));
        String key = UUID.randomUUID().toString();
        String json = "{\"type\": \"NOTE\", \"notes\": \"same body\"}";
        assertEquals(201, send(sdr(SARA), key, "/api/v1/leads/" + one + "/activities", json).statusCode());
        Response reused = send(sdr(SARA), key, "/api/v1/leads/" + other + "/activities", json);
        assertEquals(422, reused.statusCode(), reused.asString());
        assertEquals(PROBLEM, reused.contentType().split(";")[0]);
        List<Object> activities = get(sdr(SARA), "/api/v1/leads/" + other + "/activities").statusCode(200).extract().path("items");
        assertEquals(0, activities.size());
    }
}
