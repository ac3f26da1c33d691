package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.CHRIS;
import static dev.salesplatform.customersuccess.api.CustomerApi.PROBLEM;
import static dev.salesplatform.customersuccess.api.CustomerApi.chris;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.csm;
import static dev.salesplatform.customersuccess.api.CustomerApi.eventsOf;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static dev.salesplatform.customersuccess.api.CustomerApi.patch;
import static dev.salesplatform.customersuccess.api.CustomerApi.post;
import static dev.salesplatform.customersuccess.api.CustomerApi.read;
import static dev.salesplatform.customersuccess.api.CustomerApi.startOfContractDueSoon;
import static dev.salesplatform.customersuccess.api.CustomerApi.today;
import static dev.salesplatform.customersuccess.api.CustomerApi.types;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Reading, listing, editing and assigning customers, with their events and history. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CustomerLifecycleTest {

    @Test
    void aCsmEditsTheProfileWithIfMatchAndTheChangeIsAnEvent() {
        String id = onboard(company("Profile Ltd"));
        patch(chris(), id, null, "{\"notes\": \"x\"}").statusCode(428).contentType(PROBLEM);
        patch(chris(), id, "\"0\"", "{\"notes\": \"x\"}").statusCode(412).contentType(PROBLEM);
        String renamed = company("Renamed Profile");
        patch(chris(), id, "\"1\"", "{\"companyName\": \"" + renamed + "\", \"domain\": \"Profile.Example\","
                + " \"notes\": \"Prefers e-mail\", \"contact\": {\"phone\": \"+44 20 7946 0000\"}}")
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("companyName", equalTo(renamed))
                .body("domain", equalTo("profile.example"))
                .body("notes", equalTo("Prefers e-mail"))
                .body("contact.phone", equalTo("+44 20 7946 0000"))
                .body("contact.firstName", equalTo("Ada"))
                .body("version", equalTo(2));
        // Not settable by a patch: 400, nothing changes.
        for (String body : new String[] {"{\"status\": \"CHURNED\"}", "{\"csmId\": \"" + UUID.randomUUID() + "\"}",
                "{\"mrr\": []}", "{\"health\": {\"score\": 100}}", "{\"companyName\": null}",
                "{\"companyName\": \"" + "n".repeat(201) + "\"}", "{\"domain\": \"not a domain\"}",
                "{\"contact\": {\"email\": \"nope\"}}", "[]", "{\"notes\": 5}"}) {
            patch(chris(), id, "\"2\"", body).statusCode(400).contentType(PROBLEM);
        }
        get(chris(), "/api/v1/customers/" + id).statusCode(200).header("ETag", "\"2\"");

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.updated.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        JsonNode changes = read(events.get(2)).get("changes");
        assertEquals(renamed, changes.get("companyName").asText());
        assertEquals("profile.example", changes.get("domain").asText());
        assertEquals("+44 20 7946 0000", changes.get("contact.phone").asText());
        get(manager(), "/api/v1/customers/" + id + "/history").statusCode(200)
                .body("items.type", equalTo(List.of("customer.onboarded.v1", "customer.assigned.v1",
                        "customer.updated.v1")))
                .body("items[2].actorId", equalTo(CHRIS.toString()))
                .body("items[2].data.changes.notes", equalTo("Prefers e-mail"));
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersion() {
        String id = onboard(company("Same Same"));
        patch(chris(), id, "\"1\"", "{\"notes\": null}").statusCode(200).header("ETag", "\"1\"");
        get(chris(), "/api/v1/customers/" + id + "/history").statusCode(200).body("items", hasSize(2));
    }

    @Test
    void ofTwoConcurrentEditsOfOneVersionOneWinsAndTheOtherIsAProblem() {
        String id = onboard(company("Contended"));
        List<CompletableFuture<Integer>> edits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String notes = "Edit " + i;
            edits.add(CompletableFuture.supplyAsync(() -> patch(chris(), id, "\"1\"", "{\"notes\": \"" + notes + "\"}")
                    .extract().statusCode()));
        }
        List<Integer> statuses = edits.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(200, statuses.get(0));
        assertTrue(statuses.subList(1, statuses.size()).stream().allMatch(s -> s == 409 || s == 412), statuses::toString);
        get(chris(), "/api/v1/customers/" + id).statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void anotherActiveCustomersNameIsTaken() {
        String taken = company("Taken Name");
        onboard(taken);
        String id = onboard(company("Other Name"));
        patch(manager(), id, "\"1\"", "{\"companyName\": \"" + taken.toLowerCase() + "\"}")
                .statusCode(409).contentType(PROBLEM);
    }

    @Test
    void managersAssignAndCsmsClaimOnlyUnassignedCustomers() {
        String id = onboard(company("Assigned Co"));
        UUID other = UUID.randomUUID();
        // chris claimed it; another CSM cannot take it.
        post(csm(other), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + other + "\"}")
                .statusCode(403).contentType(PROBLEM);
        post(manager(), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + CHRIS + "\"}")
                .statusCode(409).contentType(PROBLEM);
        post(manager(), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + other + "\"}")
                .statusCode(200).body("csmId", equalTo(other.toString())).header("ETag", "\"2\"");
        // Now chris no longer changes it, but still reads it.
        post(chris(), "/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .statusCode(403).contentType(PROBLEM);
        get(chris(), "/api/v1/customers/" + id).statusCode(200);

        List<ConsumerRecord<String, String>> events = eventsOf(id, 3);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.assigned.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        assertTrue(read(events.get(1)).get("previousCsmId").isNull());
        assertEquals(CHRIS.toString(), read(events.get(2)).get("previousCsmId").asText());
        assertEquals(other.toString(), read(events.get(2)).get("csmId").asText());
    }

    @Test
    void aCsmClaimsAnUnassignedCustomerForThemselvesOnly() {
        String company = company("Unassigned Co");
        String deal = UUID.randomUUID().toString();
        CustomerApi.send(UUID.randomUUID().toString(), deal, CustomerApi.won(deal, company, null, today(), 12, "1.00",
                "EUR"));
        String id = CustomerApi.awaitCustomer(company);
        UUID me = UUID.randomUUID();
        // Nobody's customer: a CSM changes it only after claiming it.
        post(csm(me), "/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .statusCode(403);
        post(csm(me), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + UUID.randomUUID() + "\"}")
                .statusCode(403).contentType(PROBLEM);
        post(csm(me), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + me + "\"}")
                .statusCode(200).body("csmId", equalTo(me.toString()));
        post(csm(me), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + me + "\"}")
                .statusCode(409).contentType(PROBLEM);
        post(csm(UUID.randomUUID()), "/api/v1/customers/" + id + "/assign", "{\"csmId\": \"" + UUID.randomUUID()
                + "\"}").statusCode(403);
        post(csm(me), "/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .statusCode(201);
    }

    @Test
    void textSearchMatchesEachFieldAloneWithLikesMetacharactersAsThemselves() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // A company name that holds % _ and \ (contact Ada Lovelace, as every test customer).
        String original = company("Search");
        String literal = onboard(original);
        patch(chris(), literal, "\"1\"", "{\"companyName\": \"100%_off\\\\" + tag + "\"}").statusCode(200);
        // What the same text would match if % _ or \ were wildcards or an escape; no contact email (null).
        String decoyName = "100xyoff" + tag;
        String deal = UUID.randomUUID().toString();
        CustomerApi.send(UUID.randomUUID().toString(), deal, CustomerApi.won(deal, decoyName, null, today(), 12, "1.00",
                "EUR"));
        String decoy = CustomerApi.awaitCustomer(decoyName);

        assertEquals(List.of(decoy, literal), CustomerApi.customersNamed(tag));
        assertEquals(List.of(literal), CustomerApi.customersNamed("100%_OFF\\" + tag));
        assertEquals(List.of(literal), CustomerApi.customersNamed("_off\\" + tag));
        assertEquals(List.of(literal), CustomerApi.customersNamed("\\" + tag));
        assertEquals(List.of(), CustomerApi.customersNamed("%" + tag));
        // Company, contact first name, last name and email are matched each alone, never across two of them.
        assertEquals(List.of(), CustomerApi.customersNamed(tag + " ada"));
        assertTrue(CustomerApi.customersNamed("ada lovelace").isEmpty());
        assertEquals(List.of(literal), CustomerApi.customersNamed(
                "ADA@" + original.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")));
    }

    @Test
    void listsFilterAndPage() {
        String prefix = "Listing-" + UUID.randomUUID().toString().substring(0, 6);
        String first = onboard(prefix + " One");
        String second = onboard(prefix + " Two", startOfContractDueSoon(), 12, "10.00");
        String third = onboard(prefix + " Three");
        UUID other = UUID.randomUUID();
        post(manager(), "/api/v1/customers/" + third + "/assign", "{\"csmId\": \"" + other + "\"}").statusCode(200);

        get(chris(), "/api/v1/customers?q=" + prefix)
                .statusCode(200).body("items.id", equalTo(List.of(third, second, first))).body("nextCursor", nullValue());
        String cursor = get(chris(), "/api/v1/customers?limit=2&q=" + prefix)
                .statusCode(200).body("items.id", equalTo(List.of(third, second)))
                .body("nextCursor", notNullValue()).extract().path("nextCursor");
        get(chris(), "/api/v1/customers?limit=2&q=" + prefix + "&cursor=" + cursor)
                .statusCode(200).body("items.id", equalTo(List.of(first))).body("nextCursor", nullValue());
        get(chris(), "/api/v1/customers?csm=" + other).statusCode(200).body("items.id", equalTo(List.of(third)));
        get(chris(), "/api/v1/customers?band=YELLOW&q=" + prefix)
                .statusCode(200).body("items.id", equalTo(List.of(second)));
        get(chris(), "/api/v1/customers?status=ACTIVE&renewalFrom=" + today() + "&renewalTo=" + today().plusMonths(2)
                + "&q=" + prefix).statusCode(200).body("items.id", equalTo(List.of(second)));
        get(chris(), "/api/v1/customers?status=CHURNED&q=" + prefix)
                .statusCode(200).body("items", hasSize(0));
        get(manager(), "/api/v1/customers/" + first + "/contracts").statusCode(200)
                .body("", hasSize(1)).body("[0].status", equalTo("ACTIVE")).body("[0].mrr.amount", equalTo("3750.00"));
        get(manager(), "/api/v1/customers?limit=200").statusCode(200).body("items.id", hasItem(first))
                .body("items.id", not(hasItem("x")));
    }
}
