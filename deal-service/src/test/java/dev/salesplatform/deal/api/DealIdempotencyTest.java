package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every deal command takes an Idempotency-Key: a retried command acts once and answers as the first time. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealIdempotencyTest {

    static Response send(String token, String key, String path, String json) {
        return given().header("Authorization", token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(json).when().post(path);
    }

    @Test
    void aRetriedObstacleIsRecordedOnce() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Retried obstacle"));
        String key = UUID.randomUUID().toString();
        String json = "{\"type\": \"LEGAL\", \"notes\": \"DPA\"}";
        Response first = send(ae(owner), key, "/api/v1/deals/" + id + "/obstacles", json);
        Response retry = send(ae(owner), key, "/api/v1/deals/" + id + "/obstacles", json);
        assertEquals(201, first.statusCode(), first.asString());
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.<String>path("id"), retry.path("id"));
        get(ae(owner), "/api/v1/deals/" + id + "/obstacles").statusCode(200).body("", hasSize(1));
    }

    @Test
    void aRetriedWinReplaysItsAnswerInsteadOfRefusingAClosedDeal() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Retried win"));
        String key = UUID.randomUUID().toString();
        Response first = send(ae(owner), key, "/api/v1/deals/" + id + "/win", DealApi.winJson());
        assertEquals(200, first.statusCode(), first.asString());
        Response retry = send(ae(owner), key, "/api/v1/deals/" + id + "/win", DealApi.winJson());
        assertEquals(200, retry.statusCode(), retry.asString());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.<String>path("status"), retry.path("status"));
    }

    /** The fingerprint is method, path and body: the same key and body on another deal is another request. */
    @Test
    void theSameKeyAndBodyOnAnotherDealIs422() {
        UUID owner = UUID.randomUUID();
        String one = create(ae(owner), dealJson("Key one"));
        String other = create(ae(owner), dealJson("Key other"));
        String key = UUID.randomUUID().toString();
        String json = "{\"type\": \"PRICE\", \"notes\": \"same body\"}";
        assertEquals(201, send(ae(owner), key, "/api/v1/deals/" + one + "/obstacles", json).statusCode());
        Response reused = send(ae(owner), key, "/api/v1/deals/" + other + "/obstacles", json);
        assertEquals(422, reused.statusCode(), reused.asString());
        assertEquals(PROBLEM, reused.contentType().split(";")[0]);
        get(ae(owner), "/api/v1/deals/" + other + "/obstacles").statusCode(200).body("", hasSize(0));
    }
}
