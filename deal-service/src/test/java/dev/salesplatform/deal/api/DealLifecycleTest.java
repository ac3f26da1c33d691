package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.DEFAULT_PIPELINE;
import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.patch;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A deal from opening through its stages to won or lost, and every command a closed deal refuses. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealLifecycleTest {

    @Test
    void anAccountExecutiveOpensADealInTheFirstStageAndOwnsIt() {
        UUID me = UUID.randomUUID();
        String id = post(ae(me), "/api/v1/deals", dealJson("Engines platform"))
                .statusCode(201)
                .header("Location", startsWith("/api/v1/deals/"))
                .header("ETag", "\"0\"")
                .body("ownerId", equalTo(me.toString()))
                .body("stage", equalTo("DISCOVERY"))
                .body("winProbability", equalTo(0.2f))
                .body("status", equalTo("OPEN"))
                .body("pipelineId", equalTo(DEFAULT_PIPELINE))
                .body("amount.amount", equalTo("48000.00"))
                .body("amount.currency", equalTo("EUR"))
                .body("contact.email", equalTo("ada@example.com"))
                .body("leadId", nullValue())
                .body("createdBy", equalTo(me.toString()))
                .extract().path("id");
        get(ae(me), "/api/v1/deals/" + id).statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("Engines platform"))
                .body("expectedCloseDate", equalTo("2027-03-31"));
    }

    @Test
    void aManagerMayNameTheOwnerAndAnAccountExecutiveMayNot() {
        UUID owner = UUID.randomUUID();
        String json = dealJson("Named owner").replace("\"expectedCloseDate\"", "\"ownerId\": \"" + owner
                + "\", \"expectedCloseDate\"");
        post(manager(), "/api/v1/deals", json).statusCode(201).body("ownerId", equalTo(owner.toString()));
        post(ae(UUID.randomUUID()), "/api/v1/deals", json).statusCode(403).contentType(PROBLEM);
    }

    @Test
    void movesBetweenOpenStagesAndWins() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("To be won"));
        stage(ae(me), id, "DEMO").statusCode(200).header("ETag", "\"1\"")
                .body("stage", equalTo("DEMO")).body("winProbability", equalTo(0.4f));
        stage(ae(me), id, "NEGOTIATION").statusCode(200).body("stage", equalTo("NEGOTIATION"));
        // Backwards is allowed too: any open stage of the pipeline.
        stage(ae(me), id, "PROPOSAL").statusCode(200).body("stage", equalTo("PROPOSAL"));
        post(ae(me), "/api/v1/deals/" + id + "/win", winJson()).statusCode(200)
                .body("status", equalTo("WON"))
                .body("stage", equalTo("CLOSED_WON"))
                .body("winProbability", equalTo(1.0f))
                .body("won.finalAmount.amount", equalTo("45000.00"))
                .body("won.contract.startDate", equalTo("2027-04-01"))
                .body("won.contract.termMonths", equalTo(12))
                .body("won.contract.monthlyRecurringRevenue.amount", equalTo("3750.00"))
                .body("won.closedAt", notNullValue())
                .body("lost", nullValue());

        get(ae(me), "/api/v1/deals/" + id + "/history").statusCode(200)
                .body("items.type", contains("deal.created.v1", "deal.stage-changed.v1", "deal.stage-changed.v1",
                        "deal.stage-changed.v1", "deal.won.v1"))
                .body("items[1].data.from", equalTo("DISCOVERY"))
                .body("items[1].data.to", equalTo("DEMO"))
                .body("items[4].actorId", equalTo(me.toString()));
    }

    @Test
    void losesWithAReasonAndCompetitor() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("To be lost"));
        post(ae(me), "/api/v1/deals/" + id + "/lose", "{\"reason\": \"COMPETITOR\", \"competitor\": \"Difference Engines\"}")
                .statusCode(200)
                .body("status", equalTo("LOST"))
                .body("stage", equalTo("CLOSED_LOST"))
                .body("lost.reason", equalTo("COMPETITOR"))
                .body("lost.competitor", equalTo("Difference Engines"))
                .body("won", nullValue());
    }

    @Test
    void aClosedDealRefusesEveryCommandNamingItsStage() {
        UUID me = UUID.randomUUID();
        String won = create(ae(me), dealJson("Won once"));
        post(ae(me), "/api/v1/deals/" + won + "/win", winJson()).statusCode(200);
        String lost = create(ae(me), dealJson("Lost once"));
        post(ae(me), "/api/v1/deals/" + lost + "/lose", "{\"reason\": \"PRICE\"}").statusCode(200);

        for (String[] deal : new String[][] {{won, "CLOSED_WON", "\"1\""}, {lost, "CLOSED_LOST", "\"1\""}}) {
            String base = "/api/v1/deals/" + deal[0];
            post(ae(me), base + "/win", winJson()).statusCode(409).contentType(PROBLEM)
                    .body("currentStage", equalTo(deal[1]));
            post(ae(me), base + "/lose", "{\"reason\": \"TIMING\"}").statusCode(409)
                    .body("currentStage", equalTo(deal[1]));
            stage(ae(me), deal[0], "DEMO").statusCode(409).body("currentStage", equalTo(deal[1]));
            patch(ae(me), deal[0], deal[2], "{\"name\": \"Renamed\"}").statusCode(409)
                    .body("currentStage", equalTo(deal[1]));
        }
    }

    @Test
    void aMoveIntoAClosedStageOrTheSameStageIsAConflict() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("No shortcuts"));
        stage(ae(me), id, "CLOSED_WON").statusCode(409).contentType(PROBLEM).body("currentStage", equalTo("DISCOVERY"));
        stage(ae(me), id, "CLOSED_LOST").statusCode(409).body("currentStage", equalTo("DISCOVERY"));
        stage(ae(me), id, "DISCOVERY").statusCode(409).body("currentStage", equalTo("DISCOVERY"));
        stage(ae(me), id, "NO_SUCH_STAGE").statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("stage"));
    }

    @Test
    void patchEditsFieldsWithIfMatch() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("Before"));
        patch(ae(me), id, "\"0\"", """
                {"name": "After", "amount": {"amount": "52000.5"}, "contact": {"phone": "+44 20 7946 0000"},
                 "expectedCloseDate": null}""")
                .statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("After"))
                .body("amount.amount", equalTo("52000.50"))
                .body("amount.currency", equalTo("EUR"))
                .body("contact.phone", equalTo("+44 20 7946 0000"))
                .body("contact.email", equalTo("ada@example.com"))
                .body("expectedCloseDate", nullValue());
        patch(ae(me), id, "\"0\"", "{\"name\": \"Stale\"}").statusCode(412).contentType(PROBLEM);
        patch(ae(me), id, null, "{\"name\": \"No precondition\"}").statusCode(428).contentType(PROBLEM);
        for (String notSettable : new String[] {"{\"stage\": \"DEMO\"}", "{\"ownerId\": \"" + UUID.randomUUID() + "\"}",
                "{\"status\": \"WON\"}", "{\"name\": \"\"}", "{\"amount\": {\"amount\": \"-1\"}}", "[1]"}) {
            patch(ae(me), id, "\"1\"", notSettable).statusCode(400).contentType(PROBLEM);
        }
        get(ae(me), "/api/v1/deals/" + id + "/history").statusCode(200)
                .body("items[1].type", equalTo("deal.updated.v1"))
                .body("items[1].data.changes.name", equalTo("After"));
    }

    @Test
    void winNeedsTheDealsCurrencyAndAValidContract() {
        UUID me = UUID.randomUUID();
        String id = create(ae(me), dealJson("Careful win"));
        String base = "/api/v1/deals/" + id + "/win";
        post(ae(me), base, winJson().replace("\"45000.00\", \"currency\": \"EUR\"", "\"45000.00\", \"currency\": \"USD\""))
                .statusCode(400).body("errors[0].field", equalTo("finalAmount.currency"));
        post(ae(me), base, winJson().replace("\"3750.00\", \"currency\": \"EUR\"", "\"3750.00\", \"currency\": \"USD\""))
                .statusCode(400).body("errors[0].field", equalTo("contract.monthlyRecurringRevenue.currency"));
        post(ae(me), base, winJson().replace("12", "121")).statusCode(400).contentType(PROBLEM);
        post(ae(me), base, winJson().replace("12", "0")).statusCode(400).contentType(PROBLEM);
        post(ae(me), base, "{\"finalAmount\": {\"amount\": \"1.00\", \"currency\": \"EUR\"}}").statusCode(400);
        post(ae(me), base, winJson().replace("2027-04-01", "not-a-date")).statusCode(400).contentType(PROBLEM);
        post(ae(me), "/api/v1/deals/" + id + "/lose", "{\"reason\": \"BAD_LUCK\"}").statusCode(400).contentType(PROBLEM);
        post(ae(me), "/api/v1/deals/" + id + "/lose", "{}").statusCode(400).contentType(PROBLEM);
        get(ae(me), "/api/v1/deals/" + id).statusCode(200).body("status", equalTo("OPEN"));
    }
}
