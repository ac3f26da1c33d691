package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.DEFAULT_PIPELINE;
import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.admin;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PipelineResourceTest {

    static String pipelineJson(String name, String stages) {
        return "{\"name\": \"" + name + "\", \"stages\": [" + stages + "]}";
    }

    static final String CLOSING = """
            {"code": "SIGNED", "name": "Signed", "winProbability": 1, "closed": true, "won": true},
            {"code": "DROPPED", "name": "Dropped", "winProbability": 0, "closed": true, "won": false}""";

    @Test
    void everySalesRoleSeesTheDefaultPipelineWithItsProbabilities() {
        for (String role : new String[] {"account-executive", "sales-specialist", "sales-manager", "admin"}) {
            String path = "find { it.id == '" + DEFAULT_PIPELINE + "' }";
            get(TestTokens.bearer(UUID.randomUUID(), role), "/api/v1/pipelines").statusCode(200)
                    .body(path + ".isDefault", equalTo(true))
                    .body(path + ".stages.code", contains("DISCOVERY", "DEMO", "PROPOSAL", "NEGOTIATION", "CLOSED_WON",
                            "CLOSED_LOST"))
                    .body(path + ".stages.winProbability", contains(0.2f, 0.4f, 0.6f, 0.8f, 1.0f, 0.0f))
                    .body(path + ".stages.closed", contains(false, false, false, false, true, true))
                    .body(path + ".stages.won", contains(false, false, false, false, true, false));
        }
        get(TestTokens.bearer(UUID.randomUUID(), "sdr"), "/api/v1/pipelines").statusCode(403).contentType(PROBLEM);
    }

    @Test
    void anAdminCreatesAPipelineThatDealsThenUse() {
        String name = "Enterprise " + UUID.randomUUID();
        String pipeline = post(admin(), "/api/v1/pipelines", pipelineJson(name, """
                {"code": "PILOT", "name": "Pilot", "winProbability": 0.5},
                {"code": "LEGAL", "name": "Legal review", "winProbability": 0.85},""" + CLOSING))
                .statusCode(201)
                .header("Location", startsWith("/api/v1/pipelines/"))
                .body("isDefault", equalTo(false))
                .body("stages.code", contains("PILOT", "LEGAL", "SIGNED", "DROPPED"))
                .body("stages.position", contains(1, 2, 3, 4))
                .extract().path("id");
        get(ae(UUID.randomUUID()), "/api/v1/pipelines/" + pipeline).statusCode(200).body("name", equalTo(name));
        post(admin(), "/api/v1/pipelines", pipelineJson(name, "{\"code\": \"A\", \"name\": \"A\", \"winProbability\": 0.1},"
                + CLOSING)).statusCode(409).contentType(PROBLEM);

        UUID me = UUID.randomUUID();
        String deal = post(ae(me), "/api/v1/deals", dealJson("Pilot deal").replace("\"expectedCloseDate\"",
                "\"pipelineId\": \"" + pipeline + "\", \"expectedCloseDate\"")).statusCode(201)
                .body("stage", equalTo("PILOT")).body("winProbability", equalTo(0.5f)).extract().path("id");
        stage(ae(me), deal, "DEMO").statusCode(400).contentType(PROBLEM);
        stage(ae(me), deal, "LEGAL").statusCode(200).body("winProbability", equalTo(0.85f));
        post(ae(me), "/api/v1/deals/" + deal + "/win", winJson()).statusCode(200).body("stage", equalTo("SIGNED"));
        get(manager(), "/api/v1/deals?pipeline=" + pipeline + "&stage=SIGNED").statusCode(200)
                .body("items.id", equalTo(List.of(deal)));
    }

    @Test
    void onlyAdminsCreatePipelines() {
        String json = pipelineJson("Nope " + UUID.randomUUID(), "{\"code\": \"A\", \"name\": \"A\", \"winProbability\": 0.1},"
                + CLOSING);
        for (String role : new String[] {"account-executive", "sales-manager", "sales-specialist", "sdr"}) {
            post(TestTokens.bearer(UUID.randomUUID(), role), "/api/v1/pipelines", json).statusCode(403).contentType(PROBLEM);
        }
    }

    @Test
    void invalidPipelinesAre400() {
        String open = "{\"code\": \"A\", \"name\": \"A\", \"winProbability\": 0.1},";
        for (String stages : new String[] {
                CLOSING,
                open + open + CLOSING,
                "{\"code\": \"A\", \"name\": \"A\", \"winProbability\": 1.5}," + CLOSING,
                "{\"code\": \"A\", \"name\": \"A\", \"winProbability\": -0.1}," + CLOSING,
                "{\"code\": \"a b\", \"name\": \"A\", \"winProbability\": 0.1}," + CLOSING,
                "{\"code\": \"A\", \"name\": \"A\"}," + CLOSING,
                open + CLOSING.replace("\"won\": false", "\"won\": true"),
                open + CLOSING.replace("\"closed\": true, \"won\": false", "\"closed\": false, \"won\": false"),
                CLOSING + "," + open.substring(0, open.length() - 1)}) {
            post(admin(), "/api/v1/pipelines", pipelineJson("Bad " + UUID.randomUUID(), stages))
                    .statusCode(400).contentType(PROBLEM);
        }
        post(admin(), "/api/v1/pipelines", "{\"stages\": []}").statusCode(400).contentType(PROBLEM);
        get(ae(UUID.randomUUID()), "/api/v1/pipelines/nope").statusCode(400).contentType(PROBLEM);
        get(ae(UUID.randomUUID()), "/api/v1/pipelines/" + UUID.randomUUID()).statusCode(404).contentType(PROBLEM);
    }
}
