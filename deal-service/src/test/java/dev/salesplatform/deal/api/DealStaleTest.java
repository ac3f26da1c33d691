package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.PROBLEM;
import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.manager;
import static dev.salesplatform.deal.api.DealApi.post;
import static dev.salesplatform.deal.api.DealApi.stage;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Stale deals under the default limits (DISCOVERY 14 days, DEMO 10, NEGOTIATION 21, others 14): the
 * test ages a deal by setting its stage_entered_at back, on deals of a fresh owner.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealStaleTest {

    @Inject
    DataSource db;

    /** Pretends the deal entered its current stage {@code days} days ago. */
    void age(String dealId, int days) throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE deal SET stage_entered_at = now() - make_interval(days => ?) WHERE id = ?")) {
            update.setInt(1, days);
            update.setObject(2, UUID.fromString(dealId));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no deal " + dealId);
            }
        }
    }

    @Test
    void openDealsLongerThanTheirStagesLimitAreStale() throws Exception {
        UUID owner = UUID.randomUUID();
        String pilot = DealSummaryTest.quarterPipeline();
        String discoveryOld = create(ae(owner), dealJson("Discovery 15 days"));
        age(discoveryOld, 15);
        String discoveryFresh = create(ae(owner), dealJson("Discovery 13 days"));
        age(discoveryFresh, 13);
        String demoOld = create(ae(owner), dealJson("Demo 11 days"));
        stage(ae(owner), demoOld, "DEMO").statusCode(200);
        age(demoOld, 11);
        String negotiation = create(ae(owner), dealJson("Negotiation 15 days"));
        stage(ae(owner), negotiation, "NEGOTIATION").statusCode(200);
        age(negotiation, 15);
        String otherPipeline = create(ae(owner), DealSummaryTest.deal("10.00", "EUR", pilot));
        age(otherPipeline, 15);
        String lost = create(ae(owner), dealJson("Lost long ago"));
        post(ae(owner), "/api/v1/deals/" + lost + "/lose", "{\"reason\": \"PRICE\"}").statusCode(200);
        age(lost, 30);

        List<String> stale = List.of(otherPipeline, demoOld, discoveryOld);
        get(manager(), "/api/v1/deals?stale=true&owner=" + owner).statusCode(200).body("items.id", equalTo(stale));
        get(ae(owner), "/api/v1/deals?stale=true").statusCode(200).body("items.id", equalTo(stale));
        get(ae(owner), "/api/v1/deals?stale=true&stage=DEMO").statusCode(200).body("items.id", equalTo(List.of(demoOld)));
        get(ae(owner), "/api/v1/deals?stale=false").statusCode(200).body("items.id",
                equalTo(List.of(lost, otherPipeline, negotiation, demoOld, discoveryFresh, discoveryOld)));
        // Moving a stale deal on restarts its clock.
        stage(ae(owner), discoveryOld, "PROPOSAL").statusCode(200);
        get(ae(owner), "/api/v1/deals?stale=true").statusCode(200).body("items.id",
                equalTo(List.of(otherPipeline, demoOld)));
        // Another account executive sees none of them.
        get(ae(UUID.randomUUID()), "/api/v1/deals?stale=true&owner=" + owner).statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void accessAndInputChecks() {
        for (String value : new String[] {"yes", "1", "TRUE "}) {
            get(ae(UUID.randomUUID()), "/api/v1/deals?stale=" + value).statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("stale"));
        }
        given().when().get("/api/v1/deals?stale=true").then().statusCode(401).contentType(PROBLEM);
        get(TestTokens.bearer(UUID.randomUUID(), "sdr"), "/api/v1/deals?stale=true").statusCode(403)
                .contentType(PROBLEM);
        String someoneElses = create(ae(UUID.randomUUID()), dealJson("Not yours"));
        get(ae(UUID.randomUUID()), "/api/v1/deals/" + someoneElses).statusCode(403).contentType(PROBLEM);
    }
}
