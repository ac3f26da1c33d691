package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.ALEX_AE;
import static dev.salesplatform.lead.api.LeadApi.PROBLEM;
import static dev.salesplatform.lead.api.LeadApi.SAM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.call;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.get;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.manager;
import static dev.salesplatform.lead.api.LeadApi.post;
import static dev.salesplatform.lead.api.LeadApi.qualify;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The SDR's whole path, every forbidden transition, the owner rule, and the events it all emits. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class LeadLifecycleTest {

    @Test
    void contactQualifyHandOffEmitsEveryEventInOrderAndKeepsHistory() {
        String id = create(sdr(SARA), leadJson(email("journey")));
        int scoreBefore = get(sdr(SARA), "/api/v1/leads/" + id).extract().path("score");

        post(sdr(SARA), "/api/v1/leads/" + id + "/activities", "{\"type\": \"NOTE\", \"notes\": \"Researched\"}")
                .statusCode(201).body("type", equalTo("NOTE"));
        get(sdr(SARA), "/api/v1/leads/" + id).body("status", equalTo("NEW"));

        call(sdr(SARA), id).statusCode(201).body("leadId", equalTo(id)).body("actorId", equalTo(SARA.toString()));
        get(sdr(SARA), "/api/v1/leads/" + id).statusCode(200)
                .body("status", equalTo("CONTACTED"))
                .body("score", greaterThan(scoreBefore))
                .body("scoreReasons.code", hasItem("RECENCY"))
                .body("lastActivityAt", notNullValue());

        qualify(sdr(SARA), id).statusCode(200)
                .body("status", equalTo("QUALIFIED"))
                .body("qualification.budget.amount", equalTo("50000.00"))
                .body("qualification.authority", equalTo("CFO signs"))
                .body("qualification.timeline", equalTo("2099-03-31"));

        post(sdr(SARA), "/api/v1/leads/" + id + "/handoff", """
                {"accountExecutiveId": "%s", "estimatedValue": {"amount": "48000.50", "currency": "EUR"},
                 "note": "Demo next week"}""".formatted(ALEX_AE))
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("status", equalTo("HANDED_OFF"))
                .body("handoff.accountExecutiveId", equalTo(ALEX_AE.toString()))
                .body("estimatedValue.currency", equalTo("EUR"));

        List<ConsumerRecord<String, String>> events = TopicReader.readUntil("sales.lead.events",
                read -> read.stream().anyMatch(r -> id.equals(r.key())
                        && "lead.handed-off.v1".equals(TopicReader.header(r, "ce_type"))), Duration.ofSeconds(30))
                .stream().filter(r -> id.equals(r.key())).toList();
        assertEquals(List.of("lead.created.v1", "lead.activity-logged.v1", "lead.activity-logged.v1",
                        "lead.qualified.v1", "lead.handed-off.v1"),
                events.stream().map(r -> TopicReader.header(r, "ce_type")).toList());
        events.forEach(EventCatalogue::assertMatches);
        ConsumerRecord<String, String> handedOff = events.get(4);
        assertTrue(handedOff.value().matches("(?s).*\"estimatedValue\": ?\\{\"amount\": ?\"48000.50\".*"),
                handedOff.value());

        get(sdr(SAM), "/api/v1/leads/" + id + "/history").statusCode(200)
                .body("items.type", equalTo(List.of("lead.created.v1", "lead.activity-logged.v1",
                        "lead.activity-logged.v1", "lead.qualified.v1", "lead.handed-off.v1")))
                .body("items[0].actorId", equalTo(SARA.toString()))
                .body("items[0].occurredAt", notNullValue())
                .body("items[4].data.accountExecutiveId", equalTo(ALEX_AE.toString()))
                .body("items[4].data.aggregateVersion", nullValue());
        get(sdr(SARA), "/api/v1/leads/" + id + "/activities").statusCode(200)
                .body("items.type", equalTo(List.of("CALL", "NOTE")));
    }

    @Test
    void forbiddenTransitionsAnswer409WithTheCurrentState() {
        String id = create(sdr(SARA), leadJson(email("forbidden")));
        qualify(sdr(SARA), id).statusCode(409).contentType(PROBLEM)
                .body("currentState", equalTo("NEW"))
                .body("type", equalTo("https://salesplatform.dev/problems/illegal-transition"));
        post(sdr(SARA), "/api/v1/leads/" + id + "/handoff", """
                {"accountExecutiveId": "%s", "estimatedValue": {"amount": "1.00", "currency": "EUR"}}""".formatted(ALEX_AE))
                .statusCode(409).body("currentState", equalTo("NEW"));
        post(manager(), "/api/v1/leads/" + id + "/reopen", null).statusCode(409).body("currentState", equalTo("NEW"));

        post(sdr(SARA), "/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"NO_BUDGET\", \"note\": \"Startup\"}")
                .statusCode(200).body("status", equalTo("DISQUALIFIED"))
                .body("disqualification.reason", equalTo("NO_BUDGET"));
        post(sdr(SARA), "/api/v1/leads/" + id + "/disqualify", "{\"reason\": \"NO_BUDGET\"}")
                .statusCode(409).body("currentState", equalTo("DISQUALIFIED"));
        call(sdr(SARA), id).statusCode(409).body("currentState", equalTo("DISQUALIFIED"));
        post(manager(), "/api/v1/leads/" + id + "/assign", "{\"ownerId\": \"" + SAM + "\"}")
                .statusCode(409).body("currentState", equalTo("DISQUALIFIED"));

        // Reopening is the manager's call.
        post(sdr(SARA), "/api/v1/leads/" + id + "/reopen", null).statusCode(403).contentType(PROBLEM);
        post(manager(), "/api/v1/leads/" + id + "/reopen", null).statusCode(200)
                .body("status", equalTo("NEW")).body("disqualification", nullValue());
    }

    @Test
    void anSdrWorksOnlyTheLeadsTheyOwn() {
        String saras = create(sdr(SARA), leadJson(email("owned")));
        call(sdr(SAM), saras).statusCode(403).contentType(PROBLEM);
        post(sdr(SAM), "/api/v1/leads/" + saras + "/disqualify", "{\"reason\": \"OTHER\"}").statusCode(403);
        qualify(sdr(SAM), saras).statusCode(403);
        post(sdr(SAM), "/api/v1/leads/" + saras + "/assign", "{\"ownerId\": \"" + SAM + "\"}").statusCode(403);
        // ... but may read it, and a manager may work it.
        get(sdr(SAM), "/api/v1/leads/" + saras).statusCode(200);
        call(manager(), saras).statusCode(201);
    }

    @Test
    void unassignedLeadsAreClaimedByAnSdrAndAssignedByManagers() {
        String id = create(manager(), leadJson(email("claim")));
        get(manager(), "/api/v1/leads/" + id).body("ownerId", nullValue());
        call(sdr(SAM), id).statusCode(403).body("detail", equalTo("Claim this lead before you work it"));
        post(sdr(SAM), "/api/v1/leads/" + id + "/assign", "{\"ownerId\": \"" + SARA + "\"}").statusCode(403);
        post(sdr(SAM), "/api/v1/leads/" + id + "/assign", "{\"ownerId\": \"" + SAM + "\"}").statusCode(200)
                .body("ownerId", equalTo(SAM.toString()));
        call(sdr(SAM), id).statusCode(201);
        post(manager(), "/api/v1/leads/" + id + "/assign", "{\"ownerId\": \"" + SARA + "\"}").statusCode(200)
                .body("ownerId", equalTo(SARA.toString()));
        get(manager(), "/api/v1/leads/" + id + "/history").body("items.type",
                equalTo(List.of("lead.created.v1", "lead.assigned.v1", "lead.activity-logged.v1", "lead.assigned.v1")))
                .body("items[1].data.method", equalTo("CLAIM"))
                .body("items[3].data.method", equalTo("MANAGER"))
                .body("items[3].data.previousOwnerId", equalTo(SAM.toString()));
    }

    @Test
    void commandsRejectBadInput() {
        String id = create(sdr(SARA), leadJson(email("badinput")));
        String base = "/api/v1/leads/" + id;
        post(sdr(SARA), base + "/activities", "{\"type\": \"SMOKE_SIGNAL\"}").statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("type"));
        post(sdr(SARA), base + "/activities", "{\"type\": \"CALL\", \"occurredAt\": \"2999-01-01T00:00:00Z\"}")
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        post(sdr(SARA), base + "/activities", "{\"type\": \"CALL\", \"occurredAt\": \"yesterday\"}")
                .statusCode(400).body("errors.field", hasItem("occurredAt"));
        post(sdr(SARA), base + "/activities", "{\"type\": \"CALL\", \"outcome\": \"" + "x".repeat(201) + "\"}")
                .statusCode(400).body("errors.field", hasItem("outcome"));
        call(sdr(SARA), id).statusCode(201);
        post(sdr(SARA), base + "/qualify", "{\"budget\": {\"amount\": \"-1\", \"currency\": \"euro\"}, "
                + "\"authority\": \"\", \"timeline\": \"2001-01-01\"}")
                .statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("budget.amount"))
                .body("errors.field", hasItem("budget.currency"))
                .body("errors.field", hasItem("authority"))
                .body("errors.field", hasItem("need"))
                .body("errors.field", hasItem("timeline"));
        post(sdr(SARA), base + "/disqualify", "{\"reason\": \"BORED\"}").statusCode(400).body("errors.field", hasItem("reason"));
        post(sdr(SARA), base + "/disqualify", "{}").statusCode(400).body("errors.field", hasItem("reason"));
        post(sdr(SARA), base + "/handoff", "{\"accountExecutiveId\": \"alex\", \"estimatedValue\": {\"amount\": \"1\", "
                + "\"currency\": \"EUR\"}}").statusCode(400).body("errors.field", hasItem("accountExecutiveId"));
        post(sdr(SARA), base + "/assign", "{\"ownerId\": null}").statusCode(400).body("errors.field", hasItem("ownerId"));
        qualify(sdr(SARA), "nope").statusCode(400).body("errors.field", hasItem("id"));
        qualify(sdr(SARA), UUID.randomUUID().toString()).statusCode(404).contentType(PROBLEM);
        get(sdr(SARA), "/api/v1/leads/" + UUID.randomUUID() + "/history").statusCode(404);
        get(sdr(SARA), base + "/history?limit=0").statusCode(400).body("errors.field", hasItem("limit"));
        get(sdr(SARA), base + "/activities?cursor=zzz").statusCode(400).body("errors.field", hasItem("cursor"));
    }

    @Test
    void commandsNeedALeadRoleAndAToken() {
        String id = create(sdr(SARA), leadJson(email("roles")));
        String ae = TestTokens.bearer(ALEX_AE, "account-executive");
        String integration = TestTokens.bearer(LeadApi.INTEGRATION, "integration");
        for (String path : List.of("/activities", "/qualify", "/disqualify", "/handoff", "/assign", "/reopen")) {
            post(ae, "/api/v1/leads/" + id + path, "{}").statusCode(403).contentType(PROBLEM);
            post(integration, "/api/v1/leads/" + id + path, "{}").statusCode(403).contentType(PROBLEM);
            io.restassured.RestAssured.given().contentType("application/json").body("{}")
                    .when().post("/api/v1/leads/" + id + path).then().statusCode(401).contentType(PROBLEM);
        }
        for (String path : List.of("/history", "/activities")) {
            get(ae, "/api/v1/leads/" + id + path).statusCode(403);
            get(integration, "/api/v1/leads/" + id + path).statusCode(403);
            get("Bearer " + TestTokens.expired(SARA, "sdr"), "/api/v1/leads/" + id + path).statusCode(401);
        }
    }
}
