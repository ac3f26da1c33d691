package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.admin;
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
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.restassured.response.ValidatableResponse;

/** The deal team: who may change it, and what members may do with the deal. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealTeamTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static String specialist(UUID id) {
        return TestTokens.bearer(id, "sales-specialist");
    }

    static ValidatableResponse add(String token, String dealId, UUID userId, String role) {
        return post(token, "/api/v1/deals/" + dealId + "/team",
                "{\"userId\": \"" + userId + "\", \"role\": \"" + role + "\"}");
    }

    static ValidatableResponse remove(String token, String dealId, Object userId) {
        return given().header("Authorization", token).when().delete("/api/v1/deals/" + dealId + "/team/" + userId)
                .then();
    }

    @Test
    void theOwnerAddsASpecialistWhoThenReadsAndWorksTheDealButDoesNotCloseIt() {
        UUID owner = UUID.randomUUID();
        UUID spec = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Team work"));
        add(ae(owner), id, spec, "SALES_SPECIALIST").statusCode(200).header("ETag", "\"1\"")
                .body("team", hasSize(1)).body("team[0].userId", equalTo(spec.toString()))
                .body("team[0].role", equalTo("SALES_SPECIALIST")).body("team[0].addedBy", equalTo(owner.toString()));
        get(ae(owner), "/api/v1/deals/" + id).statusCode(200).body("team[0].userId", equalTo(spec.toString()));

        get(specialist(spec), "/api/v1/deals/" + id).statusCode(200).body("ownerId", equalTo(owner.toString()));
        get(specialist(spec), "/api/v1/deals/" + id + "/history").statusCode(200);
        get(specialist(spec), "/api/v1/deals").statusCode(200).body("items.id", equalTo(List.of(id)));
        patch(specialist(spec), id, "\"1\"", "{\"name\": \"Team work, renamed\"}").statusCode(200)
                .body("name", equalTo("Team work, renamed"));
        stage(specialist(spec), id, "DEMO").statusCode(200).body("stage", equalTo("DEMO"));
        post(specialist(spec), "/api/v1/deals/" + id + "/win", winJson()).statusCode(403).contentType(PROBLEM);
        post(specialist(spec), "/api/v1/deals/" + id + "/lose", "{\"reason\": \"PRICE\"}").statusCode(403)
                .contentType(PROBLEM);
        add(specialist(spec), id, UUID.randomUUID(), "SALES_SPECIALIST").statusCode(403).contentType(PROBLEM);
        remove(specialist(spec), id, spec).statusCode(403).contentType(PROBLEM);

        // Once removed, the specialist loses access.
        remove(ae(owner), id, spec).statusCode(200).body("team", hasSize(0));
        get(specialist(spec), "/api/v1/deals/" + id).statusCode(403).contentType(PROBLEM);
        get(specialist(spec), "/api/v1/deals").statusCode(200).body("items", equalTo(List.of()));
    }

    @Test
    void anotherAccountExecutiveOnTheTeamWorksTheDealAndSeesItInTheirList() {
        UUID owner = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        String shared = create(ae(owner), dealJson("Shared"));
        String own = create(ae(colleague), dealJson("Colleague's own"));
        create(ae(owner), dealJson("Owner only"));
        get(ae(colleague), "/api/v1/deals/" + shared).statusCode(403);

        add(manager(), shared, colleague, "ACCOUNT_EXECUTIVE").statusCode(200)
                .body("team[0].role", equalTo("ACCOUNT_EXECUTIVE"));
        get(ae(colleague), "/api/v1/deals").statusCode(200).body("items.id", equalTo(List.of(own, shared)));
        get(ae(colleague), "/api/v1/deals?owner=" + owner).statusCode(200).body("items.id", equalTo(List.of(shared)));
        get(ae(colleague), "/api/v1/deals?owner=" + owner).statusCode(200)
                .body("items[0].team[0].userId", equalTo(colleague.toString()));
        stage(ae(colleague), shared, "PROPOSAL").statusCode(200);
        post(ae(colleague), "/api/v1/deals/" + shared + "/win", winJson()).statusCode(403).contentType(PROBLEM);
        add(ae(colleague), shared, UUID.randomUUID(), "SALES_SPECIALIST").statusCode(403).contentType(PROBLEM);
        // The owner still closes it; the closed deal's team is frozen.
        post(ae(owner), "/api/v1/deals/" + shared + "/win", winJson()).statusCode(200);
        add(ae(owner), shared, UUID.randomUUID(), "SALES_SPECIALIST").statusCode(409).contentType(PROBLEM);
        remove(admin(), shared, colleague).statusCode(409).contentType(PROBLEM);
    }

    @Test
    void joiningTwiceIs409AndRemovingANonMemberIs404() {
        UUID owner = UUID.randomUUID();
        UUID spec = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Twice"));
        add(ae(owner), id, spec, "SALES_SPECIALIST").statusCode(200);
        add(ae(owner), id, spec, "ACCOUNT_EXECUTIVE").statusCode(409).contentType(PROBLEM);
        add(ae(owner), id, owner, "ACCOUNT_EXECUTIVE").statusCode(409).contentType(PROBLEM);
        remove(ae(owner), id, UUID.randomUUID()).statusCode(404).contentType(PROBLEM);
        remove(ae(owner), id, owner).statusCode(404).contentType(PROBLEM);
        add(ae(owner), UUID.randomUUID().toString(), spec, "SALES_SPECIALIST").statusCode(404).contentType(PROBLEM);
        remove(ae(owner), UUID.randomUUID().toString(), spec).statusCode(404).contentType(PROBLEM);
    }

    @Test
    void badTeamInputIs400() {
        UUID owner = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Bad team input"));
        for (String body : new String[] {"{", "{}", "{\"userId\": \"" + UUID.randomUUID() + "\"}",
                "{\"role\": \"SALES_SPECIALIST\"}", "{\"userId\": \"nope\", \"role\": \"SALES_SPECIALIST\"}",
                "{\"userId\": \"" + UUID.randomUUID() + "\", \"role\": \"SDR\"}"}) {
            post(ae(owner), "/api/v1/deals/" + id + "/team", body).statusCode(400).contentType(PROBLEM);
        }
        post(ae(owner), "/api/v1/deals/not-a-uuid/team",
                "{\"userId\": \"" + UUID.randomUUID() + "\", \"role\": \"SALES_SPECIALIST\"}")
                .statusCode(400).contentType(PROBLEM);
        remove(ae(owner), id, "not-a-uuid").statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("userId"));
    }

    @Test
    void teamChangesAreEventsInTheCatalogue() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID spec = UUID.randomUUID();
        String id = create(ae(owner), dealJson("Team events"));
        add(ae(owner), id, spec, "SALES_SPECIALIST").statusCode(200);
        remove(ae(owner), id, spec).statusCode(200);

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.deal.events",
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= 3, java.time.Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("deal.created.v1", "deal.team-changed.v1", "deal.team-changed.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
        JsonNode added = JSON.readTree(events.get(1).value());
        assertEquals("ADDED", added.get("change").asText());
        assertEquals(spec.toString(), added.get("userId").asText());
        assertEquals("SALES_SPECIALIST", added.get("role").asText());
        assertEquals(spec.toString(), added.get("team").get(0).get("userId").asText());
        assertEquals(1, added.get("aggregateVersion").asLong());
        JsonNode removed = JSON.readTree(events.get(2).value());
        assertEquals("REMOVED", removed.get("change").asText());
        assertEquals(0, removed.get("team").size());
        assertEquals(2, removed.get("aggregateVersion").asLong());
    }
}
