package dev.salesplatform.lead.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadEventsTest {

    static final UUID SDR = UUID.fromString("00000000-0000-7000-8000-000000000001");

    @Test
    void createdLeadIsPublishedAsCatalogueConformingCloudEvent() throws Exception {
        String email = "grace-" + UUID.randomUUID() + "@example.com";
        String id = given().header("Authorization", TestTokens.bearer(SDR, "sdr"))
                .contentType(ContentType.JSON)
                .body("""
                        {"firstName": "Grace", "lastName": "Hopper", "email": "%s", "company": {"name": "Navy"},
                         "source": "EVENT"}""".formatted(email))
                .when().post("/api/v1/leads")
                .then().statusCode(201).extract().path("id");

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil("sales.lead.events",
                read -> read.stream().anyMatch(r -> id.equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> event = records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();

        EventCatalogue.assertMatches(event);
        assertEquals("lead.created.v1", TopicReader.header(event, "ce_type"));
        assertEquals(7, UUID.fromString(TopicReader.header(event, "ce_id")).version());
        JsonNode payload = new ObjectMapper().readTree(event.value());
        assertEquals(id, payload.get("leadId").asText());
        assertEquals(email, payload.get("email").asText());
        assertEquals("EVENT", payload.get("source").asText());
        assertEquals(SDR.toString(), payload.get("ownerId").asText());
        assertEquals(SDR.toString(), payload.get("actorId").asText());
        assertEquals(0, payload.get("aggregateVersion").asLong());
        assertEquals(1, records.stream().filter(r -> id.equals(r.key())).count(), "published exactly once");
    }

    @Test
    void everyLeadEventMatchesTheCatalogue() {
        UUID manager = UUID.fromString("00000000-0000-7000-8000-000000000006");
        String token = TestTokens.bearer(manager, "sales-manager");
        String id = given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"firstName\": \"Cat\", \"lastName\": \"Alogue\", \"email\": \"cat-" + UUID.randomUUID()
                        + "@example.com\", \"source\": \"PARTNER\"}")
                .when().post("/api/v1/leads").then().statusCode(201).extract().path("id");
        String base = "/api/v1/leads/" + id;
        given().header("Authorization", token).header("If-Match", "\"0\"").contentType("application/merge-patch+json")
                .body("{\"title\": \"Owner\"}").when().patch(base).then().statusCode(200);
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"ownerId\": \"" + SDR + "\"}")
                .when().post(base + "/assign").then().statusCode(200);
        given().header("Authorization", token).contentType(ContentType.JSON).body("{\"reason\": \"UNRESPONSIVE\"}")
                .when().post(base + "/disqualify").then().statusCode(200);
        given().header("Authorization", token).contentType(ContentType.JSON).body("{}")
                .when().post(base + "/reopen").then().statusCode(200);

        List<String> expected = List.of("lead.created.v1", "lead.updated.v1", "lead.assigned.v1",
                "lead.disqualified.v1", "lead.reopened.v1");
        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.lead.events",
                        read -> read.stream().filter(r -> id.equals(r.key())).count() >= expected.size(),
                        Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(expected, events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
    }
}
