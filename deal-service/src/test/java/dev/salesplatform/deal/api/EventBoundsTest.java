package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static dev.salesplatform.deal.api.DealApi.winJson;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.deal.service.DealTeamService;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deal-service never emits what its consumers refuse: a won deal's contract starts in a year
 * customer-success accepts and its money is in an ISO-4217 currency, or the win is a 400 and nothing
 * is emitted; the team copied into every deal.team-changed.v1 is bounded.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class EventBoundsTest {

    static String dealInNegotiation(String owner) {
        String id = create(owner, dealJson("Bounds " + UUID.randomUUID()));
        for (String next : new String[] {"DEMO", "PROPOSAL", "NEGOTIATION"}) {
            stage(owner, id, next).statusCode(200);
        }
        return id;
    }

    @Test
    void aWinWhoseContractCustomerSuccessWouldRefuseIs400() {
        String owner = ae(UUID.randomUUID());
        String id = dealInNegotiation(owner);
        String[][] refused = {
                {"\"startDate\": \"2027-04-01\"", "\"startDate\": \"1999-12-31\"", "contract.startDate"},
                {"\"startDate\": \"2027-04-01\"", "\"startDate\": \"2201-01-01\"", "contract.startDate"},
                {"\"amount\": \"3750.00\", \"currency\": \"EUR\"", "\"amount\": \"3750.00\", \"currency\": \"ABC\"",
                        "contract.monthlyRecurringRevenue.currency"},
        };
        for (String[] bad : refused) {
            post(owner, "/api/v1/deals/" + id + "/win", winJson().replace(bad[0], bad[1])).statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[2]));
        }
        get(owner, "/api/v1/deals/" + id).statusCode(200).body("status", equalTo("OPEN"));
        post(owner, "/api/v1/deals/" + id + "/win", winJson().replace("2027-04-01", "2200-12-31")).statusCode(200)
                .body("status", equalTo("WON"));
    }

    @Test
    void aDealTeamIsBounded() {
        String owner = ae(UUID.randomUUID());
        String id = create(owner, dealJson("Team " + UUID.randomUUID()));
        for (int i = 0; i < DealTeamService.MAX_TEAM; i++) {
            post(owner, "/api/v1/deals/" + id + "/team", "{\"userId\": \"" + UUID.randomUUID()
                    + "\", \"role\": \"SALES_SPECIALIST\"}").statusCode(200);
        }
        post(owner, "/api/v1/deals/" + id + "/team", "{\"userId\": \"" + UUID.randomUUID()
                + "\", \"role\": \"SALES_SPECIALIST\"}").statusCode(409).contentType("application/problem+json")
                .body("maxTeamMembers", equalTo(DealTeamService.MAX_TEAM));
        get(owner, "/api/v1/deals/" + id).statusCode(200).body("team", hasSize(DealTeamService.MAX_TEAM));
    }
}
