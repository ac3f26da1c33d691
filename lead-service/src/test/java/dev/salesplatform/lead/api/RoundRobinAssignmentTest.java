package dev.salesplatform.lead.api;

import static dev.salesplatform.lead.api.LeadApi.SAM;
import static dev.salesplatform.lead.api.LeadApi.SARA;
import static dev.salesplatform.lead.api.LeadApi.create;
import static dev.salesplatform.lead.api.LeadApi.email;
import static dev.salesplatform.lead.api.LeadApi.get;
import static dev.salesplatform.lead.api.LeadApi.leadJson;
import static dev.salesplatform.lead.api.LeadApi.manager;
import static dev.salesplatform.lead.api.LeadApi.post;
import static dev.salesplatform.lead.api.LeadApi.sdr;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With a rotation configured, leads nobody claimed go to the SDRs in turn; an SDR's own lead stays theirs. */
@QuarkusTest
@TestProfile(RoundRobinAssignmentTest.TwoSdrs.class)
@WithTestResource(PlatformTestResource.class)
class RoundRobinAssignmentTest {

    public static class TwoSdrs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("salesplatform.leads.round-robin-sdrs", SARA + "," + SAM);
        }
    }

    @Test
    void unclaimedLeadsGoToTheSdrsInTurn() {
        List<String> owners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = create(manager(), leadJson(email("rr")));
            owners.add(get(manager(), "/api/v1/leads/" + id).extract().path("ownerId"));
        }
        UUID own = UUID.randomUUID();
        String sdrs = create(sdr(own), leadJson(email("rr-own")));
        get(manager(), "/api/v1/leads/" + sdrs).body("ownerId", equalTo(own.toString()));
        String integrations = create(TestTokens.bearer(LeadApi.INTEGRATION, "integration"), leadJson(email("rr-int")));
        owners.add(get(manager(), "/api/v1/leads/" + integrations).extract().path("ownerId"));

        // Whoever's turn it was when the test began (the rotation is the database's, shared by every test).
        String first = owners.getFirst();
        String second = first.equals(SARA.toString()) ? SAM.toString() : SARA.toString();
        assertEquals(List.of(first, second, first, second), owners);
        assertEquals(Set.of(SARA.toString(), SAM.toString()), Set.copyOf(owners));
        get(manager(), "/api/v1/leads/" + integrations + "/history")
                .body("items.type", equalTo(List.of("lead.created.v1", "lead.assigned.v1")))
                .body("items[1].data.method", equalTo("ROUND_ROBIN"));
    }

    @Test
    void aCreateRefusedAsADuplicateCostsNobodyTheirTurn() {
        String email = email("rr-dup");
        String first = create(manager(), leadJson(email));
        String firstOwner = get(manager(), "/api/v1/leads/" + first).extract().path("ownerId");

        post(manager(), "/api/v1/leads", leadJson(email.toUpperCase(Locale.ROOT))).statusCode(409)
                .body("existingLeadId", equalTo(first));
        String next = create(manager(), leadJson(email("rr-dup-next")));

        String nextOwner = get(manager(), "/api/v1/leads/" + next).extract().path("ownerId");
        assertNotEquals(firstOwner, nextOwner, "the refused create took no turn");
        assertEquals(Set.of(SARA.toString(), SAM.toString()), Set.of(firstOwner, nextOwner));
    }

    @Test
    void importedLeadsGoToTheSdrsInTurnInRowOrder() {
        List<String> emails = new ArrayList<>();
        StringBuilder csv = new StringBuilder("firstName,lastName,email,source\n");
        for (int i = 0; i < 5; i++) {
            emails.add(email("rr-import-" + i));
            csv.append("Row,").append(i).append(',').append(emails.getLast()).append(",WEB_FORM\n");
        }
        Response job = LeadImportResourceTest.importAndWait(LeadImportResourceTest.manager(), LeadImportResourceTest.CSV,
                csv.toString(), null);
        LeadImportResourceTest.assertCounts(job, 5, 5, 0, 0, 0);

        List<String> owners = new ArrayList<>();
        for (String email : emails) {
            String id = get(manager(), "/api/v1/leads?q=" + email).extract().path("items[0].id");
            owners.add(get(manager(), "/api/v1/leads/" + id).extract().path("ownerId"));
            get(manager(), "/api/v1/leads/" + id + "/history")
                    .body("items.type", equalTo(List.of("lead.created.v1", "lead.assigned.v1")))
                    .body("items[1].data.method", equalTo("ROUND_ROBIN"))
                    .body("items[1].data.ownerId", equalTo(owners.getLast()));
        }
        for (int i = 1; i < owners.size(); i++) {
            assertNotEquals(owners.get(i - 1), owners.get(i), "turns alternate in row order: " + owners);
        }
        assertEquals(Set.of(SARA.toString(), SAM.toString()), Set.copyOf(owners));
    }
}
