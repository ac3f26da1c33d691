package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.admin;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Obstacles in the buying process: recording, resolving, and how open ones block a win. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealObstacleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ValidatableResponse add(String token, String dealId, String type, String notes) {
        return post(token, "/api/v1/deals/" + dealId + "/obstacles",
                "{\"type\": \"" + type + "\", \"notes\": \"" + notes + "\"}");
    }

    static ValidatableResponse resolve(String token, String dealId, String obstacleId, String resolution) {
        return post(token, "/api/v1/deals/" + dealId + "/obstacles/" + obstacleId + "/resolve",
                "{\"resolution\": \"" + resolution + "\"}");
    }

    static String winWithOverride(String reason) {
        return winJson().replaceFirst("\\}\\}\\}$", "}}, \"override\": {\"reason\": \"" + reason + "\"}}");
    }

    @Test
    void addListAndResolve() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Obstacles"));
        String legal = add(ae(owner), id, "LEGAL", "DPA review").statusCode(201)
                .body("id", notNullValue()).body("dealId", equalTo(id)).body("type", equalTo("LEGAL"))
                .body("notes", equalTo("DPA review")).body("status", equalTo("OPEN"))
                .body("resolution", nullValue()).body("createdBy", equalTo(owner.toString()))
                .body("createdAt", notNullValue()).extract().path("id");
        String price = add(manager(), id, "PRICE", "Too expensive").statusCode(201).extract().path("id");
        get(ae(owner), "/api/v1/deals/" + id + "/obstacles").statusCode(200).body("", hasSize(2))
                .body("id", equalTo(List.of(legal, price)));

        resolve(ae(owner), id, legal, "DPA signed").statusCode(200).body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("DPA signed")).body("resolvedBy", equalTo(owner.toString()))
                .body("resolvedAt", notNullValue());
        get(ae(owner), "/api/v1/deals/" + id + "/obstacles").statusCode(200)
                .body("status", equalTo(List.of("RESOLVED", "OPEN")));
        resolve(ae(owner), id, legal, "again").statusCode(409).contentType(PROBLEM);
        resolve(ae(owner), id, UUID.randomUUID().toString(), "x").statusCode(404).contentType(PROBLEM);
        // An obstacle of another deal is not found through this one.
        String other = create(ae(owner), dealJson("Other"));
        resolve(ae(owner), other, price, "x").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void teamMembersWorkObstaclesAndOthersAreForbidden() {
        UUID owner = UUID.randomUUID();
        UUID spec = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Team obstacles"));
        post(ae(owner), "/api/v1/deals/" + id + "/team",
                "{\"userId\": \"" + spec + "\", \"role\": \"SALES_SPECIALIST\"}").statusCode(200);
        String specialist = TestTokens.bearer(spec, "sales-specialist");
        String obstacle = add(specialist, id, "TECHNICAL", "SSO").statusCode(201).extract().path("id");
        get(specialist, "/api/v1/deals/" + id + "/obstacles").statusCode(200).body("", hasSize(1));
        resolve(specialist, id, obstacle, "SAML works").statusCode(200);

        String otherAe = ae(UUID.randomUUID());
        add(otherAe, id, "PRICE", "x").statusCode(403).contentType(PROBLEM);
        get(otherAe, "/api/v1/deals/" + id + "/obstacles").statusCode(403).contentType(PROBLEM);
        resolve(otherAe, id, obstacle, "x").statusCode(403).contentType(PROBLEM);
        String otherSpec = TestTokens.bearer(UUID.randomUUID(), "sales-specialist");
        add(otherSpec, id, "PRICE", "x").statusCode(403).contentType(PROBLEM);
        String sdr = TestTokens.bearer(UUID.randomUUID(), "sdr");
        add(sdr, id, "PRICE", "x").statusCode(403);
        get(sdr, "/api/v1/deals/" + id + "/obstacles").statusCode(403);
        resolve(sdr, id, obstacle, "x").statusCode(403);
        get(admin(), "/api/v1/deals/" + id + "/obstacles").statusCode(200).body("", hasSize(1));
    }

    @Test
    void withoutATokenIs401() {
        String id = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body("{\"type\": \"PRICE\"}").when()
                .post("/api/v1/deals/" + id + "/obstacles").then().statusCode(401);
        given().when().get("/api/v1/deals/" + id + "/obstacles").then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/deals/" + id + "/obstacles/" + UUID.randomUUID() + "/resolve").then().statusCode(401);
    }

    @Test
    void unknownDealsAre404() {
        String token = manager();
        String id = UUID.randomUUID().toString();
        add(token, id, "PRICE", "x").statusCode(404).contentType(PROBLEM);
        get(token, "/api/v1/deals/" + id + "/obstacles").statusCode(404).contentType(PROBLEM);
        resolve(token, id, UUID.randomUUID().toString(), "x").statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badInputIs400() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Bad obstacle input"));
        for (String body : new String[] {"{", "{}", "{\"type\": \"BUDGET\"}", "{\"notes\": \"x\"}",
                "{\"type\": \"PRICE\", \"notes\": \"" + "x".repeat(2001) + "\"}"}) {
            post(ae(owner), "/api/v1/deals/" + id + "/obstacles", body).statusCode(400).contentType(PROBLEM);
        }
        add(ae(owner), "not-a-uuid", "PRICE", "x").statusCode(400).contentType(PROBLEM);
        get(ae(owner), "/api/v1/deals/not-a-uuid/obstacles").statusCode(400).contentType(PROBLEM);
        resolve(ae(owner), id, "not-a-uuid", "x").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("obstacleId"));
        post(ae(owner), "/api/v1/deals/" + id + "/obstacles/" + UUID.randomUUID() + "/resolve",
                "{\"resolution\": \"" + "x".repeat(2001) + "\"}").statusCode(400).contentType(PROBLEM);

        String obstacle = add(ae(owner), id, "PRICE", "x").statusCode(201).extract().path("id");
        post(ae(owner), "/api/v1/deals/" + id + "/win", winWithOverride(" ")).statusCode(400).contentType(PROBLEM);
        post(ae(owner), "/api/v1/deals/" + id + "/win", winWithOverride("x".repeat(501))).statusCode(400)
                .contentType(PROBLEM);
        post(ae(owner), "/api/v1/deals/" + id + "/win", winJson().replaceFirst("\\}\\}\\}$", "}}, \"override\": {}}"))
                .statusCode(400).contentType(PROBLEM);
        get(ae(owner), "/api/v1/deals/" + id).statusCode(200).body("status", equalTo("OPEN"));
        get(ae(owner), "/api/v1/deals/" + id + "/obstacles").body("[0].id", equalTo(obstacle));
    }

    @Test
    void openObstaclesBlockAWinUntilResolvedOrOverridden() throws Exception {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Blocked win"));
        String legal = add(ae(owner), id, "LEGAL", "DPA review").statusCode(201).extract().path("id");
        String price = add(ae(owner), id, "PRICE", "Discount").statusCode(201).extract().path("id");
        post(ae(owner), "/api/v1/deals/" + id + "/win", winJson()).statusCode(409).contentType(PROBLEM)
                .body("type", org.hamcrest.Matchers.endsWith("open-obstacles"))
                .body("openObstacles", equalTo(List.of(legal, price)));
        resolve(ae(owner), id, legal, "DPA signed").statusCode(200);
        post(ae(owner), "/api/v1/deals/" + id + "/win", winJson()).statusCode(409)
                .body("openObstacles", equalTo(List.of(price)));
        post(ae(owner), "/api/v1/deals/" + id + "/win", winWithOverride("CFO accepts the discount")).statusCode(200)
                .body("status", equalTo("WON"));
        // A won deal takes no more obstacles.
        add(ae(owner), id, "TIMING", "late").statusCode(409).contentType(PROBLEM);
        resolve(ae(owner), id, price, "x").statusCode(409).contentType(PROBLEM);

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.deal.events",
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= 5, Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("deal.created.v1", "deal.obstacle-changed.v1", "deal.obstacle-changed.v1",
                        "deal.obstacle-changed.v1", "deal.won.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
        JsonNode added = JSON.readTree(events.get(1).value());
        assertEquals(id, added.get("dealId").asText());
        assertEquals(legal, added.get("obstacleId").asText());
        assertEquals("LEGAL", added.get("type").asText());
        assertEquals("OPEN", added.get("status").asText());
        assertEquals("DPA review", added.get("notes").asText());
        assertTrue(added.get("resolution").isNull());
        assertEquals(1, added.get("aggregateVersion").asLong());
        JsonNode resolved = JSON.readTree(events.get(3).value());
        assertEquals(legal, resolved.get("obstacleId").asText());
        assertEquals("RESOLVED", resolved.get("status").asText());
        assertEquals("DPA signed", resolved.get("resolution").asText());
        JsonNode won = JSON.readTree(events.get(4).value());
        assertEquals("CFO accepts the discount", won.get("overrideReason").asText());
    }

    @Test
    void aWinWithoutObstaclesNeedsNoOverride() throws Exception {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Clear win"));
        String obstacle = add(ae(owner), id, "TIMING", "Q2 budget").statusCode(201).extract().path("id");
        resolve(ae(owner), id, obstacle, "Budget approved").statusCode(200);
        post(ae(owner), "/api/v1/deals/" + id + "/win", winJson()).statusCode(200).body("status", equalTo("WON"));
        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.deal.events",
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= 4, Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        JsonNode won = JSON.readTree(events.get(3).value());
        assertEquals("deal.won.v1", TopicReader.header(events.get(3), "ce_type"));
        assertTrue(won.get("overrideReason").isNull());
        EventCatalogue.assertMatches(events.get(3));
    }
}
