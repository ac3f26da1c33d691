package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.CHRIS;
import static dev.salesplatform.customersuccess.api.CustomerApi.PROBLEM;
import static dev.salesplatform.customersuccess.api.CustomerApi.chris;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.eventsOf;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static dev.salesplatform.customersuccess.api.CustomerApi.openRenewal;
import static dev.salesplatform.customersuccess.api.CustomerApi.post;
import static dev.salesplatform.customersuccess.api.CustomerApi.read;
import static dev.salesplatform.customersuccess.api.CustomerApi.send;
import static dev.salesplatform.customersuccess.api.CustomerApi.startOfContractDueSoon;
import static dev.salesplatform.customersuccess.api.CustomerApi.today;
import static dev.salesplatform.customersuccess.api.CustomerApi.types;
import static dev.salesplatform.customersuccess.api.CustomerApi.won;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.customersuccess.service.CustomerJobs;
import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Renewals opened by the scan and at onboarding, renewed or churned once; churn outside a renewal; daily health. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class RenewalTest {

    static final String RENEW = "{\"termMonths\": 12, \"newMrr\": {\"amount\": \"4000.00\", \"currency\": \"EUR\"}}";

    @Inject
    CustomerJobs jobs;

    /** Chris's customer whose contract ends in a few days: its renewal is open from onboarding. */
    static String dueCustomer(String name) {
        return onboard(company(name), startOfContractDueSoon(), 12, "3750.00");
    }

    static int renewalsOf(String customer) {
        return get(manager(), "/api/v1/renewals?customer=" + customer).statusCode(200).extract().path("items.size()");
    }

    @Test
    void theScanOpensARenewalOnceWhenTheContractEntersTheWindow() throws Throwable {
        LocalDate start = today();
        String id = onboard(company("Half Year"), start, 6, "100.00");
        jobs.openDueRenewals(today());
        assertEquals(0, renewalsOf(id));
        // 90 days before the end (start + 6 months).
        LocalDate opensOn = start.plusMonths(6).minusDays(90);
        jobs.openDueRenewals(opensOn.minusDays(1));
        assertEquals(0, renewalsOf(id));
        jobs.openDueRenewals(opensOn);
        jobs.openDueRenewals(opensOn.plusDays(1));
        assertEquals(1, renewalsOf(id));
        String renewal = openRenewal(id);
        get(chris(), "/api/v1/renewals/" + renewal).statusCode(200).header("ETag", "\"0\"")
                .body("dueDate", equalTo(start.plusMonths(6).toString()))
                .body("currentMrr.amount", equalTo("100.00"))
                .body("csmId", equalTo(CHRIS.toString()))
                .body("status", equalTo("OPEN"));
        // A later event of the customer: any second renewal-opened would come before it.
        post(chris(), "/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .statusCode(201);
        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.renewal-opened.v1",
                "customer.check-in-recorded.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        JsonNode opened = read(events.get(2));
        assertEquals(renewal, opened.get("renewalId").asText());
        assertEquals("customer-success-service", opened.get("actorId").asText());
        assertEquals("100.00", opened.get("currentMrr").get("amount").asText());
    }

    @Test
    void twoScansAtOnceOpenExactlyOneRenewal() throws Throwable {
        String id = onboard(company("Raced"), today(), 5, "10.00");
        LocalDate day = today().plusMonths(5).minusDays(10);
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> scans = List.of(scan(go, day), scan(go, day), scan(go, day));
        go.countDown();
        int opened = 0;
        for (CompletableFuture<Integer> scan : scans) {
            opened += scan.join();
        }
        assertTrue(opened >= 1);
        assertEquals(1, renewalsOf(id));
        post(chris(), "/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .statusCode(201);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.renewal-opened.v1",
                "customer.check-in-recorded.v1"), types(eventsOf(id, 4)));
    }

    private CompletableFuture<Integer> scan(CountDownLatch go, LocalDate day) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return jobs.openDueRenewals(day);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aRenewalMakesTheNextContractAndTheMrrDifferenceIsAnExpansion() {
        String id = dueCustomer("Renewing");
        String renewal = openRenewal(id);
        LocalDate oldEnd = startOfContractDueSoon().plusMonths(12);
        String contract = post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW).statusCode(200)
                .body("status", equalTo("RENEWED"))
                .body("newContractId", notNullValue())
                .body("decidedBy", equalTo(CHRIS.toString()))
                .extract().path("newContractId");
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .body("contracts", hasSize(1))
                .body("contracts[0].id", equalTo(contract))
                .body("contracts[0].startDate", equalTo(oldEnd.toString()))
                .body("contracts[0].endDate", equalTo(oldEnd.plusMonths(12).toString()))
                .body("contracts[0].renewalId", equalTo(renewal))
                .body("mrr[0].amount", equalTo("4000.00"))
                .body("nextRenewalDate", equalTo(oldEnd.plusMonths(12).toString()))
                .body("health.reasons.code", equalTo(List.of("NPS_MISSING")));
        get(manager(), "/api/v1/customers/" + id + "/contracts").statusCode(200)
                .body("status", equalTo(List.of("RENEWED", "ACTIVE")));
        // Decided once.
        post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW).statusCode(409).contentType(PROBLEM)
                .body("currentState", equalTo("RENEWED"));
        post(chris(), "/api/v1/renewals/" + renewal + "/churn", "{\"reason\": \"PRICE\"}").statusCode(409)
                .body("currentState", equalTo("RENEWED"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 6);
        assertEquals(List.of("customer.onboarded.v1", "customer.renewal-opened.v1", "customer.assigned.v1",
                "customer.renewed.v1", "customer.expanded.v1", "customer.health-changed.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        JsonNode renewed = read(events.get(3));
        assertEquals(renewal, renewed.get("renewalId").asText());
        assertEquals("3750.00", renewed.get("previousMrr").get("amount").asText());
        assertEquals("4000.00", renewed.get("newMrr").get("amount").asText());
        assertEquals(oldEnd.toString(), renewed.get("contract").get("startDate").asText());
        assertEquals(12, renewed.get("contract").get("termMonths").asInt());
        JsonNode expanded = read(events.get(4));
        assertEquals("RENEWAL", expanded.get("kind").asText());
        assertEquals(renewal, expanded.get("renewalId").asText());
        assertEquals("250.00", expanded.get("delta").get("amount").asText());
        assertEquals(contract, expanded.get("contractId").asText());
    }

    @Test
    void aLowerRenewalIsAContraction() {
        String id = dueCustomer("Shrinking");
        post(chris(), "/api/v1/renewals/" + openRenewal(id) + "/renew", RENEW.replace("4000.00", "3000.00")
                .replace("{\"termMonths\"", "{\"startDate\": \"" + today().plusMonths(1).plusDays(3) + "\", \"termMonths\""))
                .statusCode(200);
        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);
        assertEquals("customer.contracted.v1", types(events).get(4));
        assertEquals("750.00", read(events.get(4)).get("delta").get("amount").asText());
    }

    @Test
    void aShortRenewedTermAlreadyInTheWindowOpensItsOwnRenewal() {
        String id = dueCustomer("Monthly");
        String first = openRenewal(id);
        String contract = post(chris(), "/api/v1/renewals/" + first + "/renew", RENEW.replace("12", "1")).statusCode(200)
                .extract().path("newContractId");
        String second = openRenewal(id);
        get(manager(), "/api/v1/renewals/" + second).statusCode(200).body("contractId", equalTo(contract));
        List<ConsumerRecord<String, String>> events = eventsOf(id, 6);
        assertEquals(List.of("customer.renewed.v1", "customer.expanded.v1", "customer.renewal-opened.v1"),
                types(events).subList(3, 6));
    }

    @Test
    void theLastContractNotRenewedChurnsTheCustomer() {
        String id = dueCustomer("Leaving");
        String renewal = openRenewal(id);
        post(chris(), "/api/v1/renewals/" + renewal + "/churn", "{\"reason\": \"COMPETITOR\", \"note\": \"Cheaper\"}")
                .statusCode(200).body("status", equalTo("CHURNED")).body("churnReason", equalTo("COMPETITOR"));
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .body("status", equalTo("CHURNED"))
                .body("churn.reason", equalTo("COMPETITOR"))
                .body("mrr", hasSize(0))
                .body("contracts", hasSize(0))
                .body("nextRenewalDate", equalTo(null));
        // A churned customer takes no more renewals, movements or touchpoints.
        String base = "/api/v1/customers/" + id;
        post(chris(), base + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}").statusCode(409)
                .contentType(PROBLEM).body("currentState", equalTo("CHURNED"));
        post(chris(), base + "/expansions", RevenueTest.movement("1", "EUR", "UPSELL")).statusCode(409)
                .body("currentState", equalTo("CHURNED"));
        post(chris(), base + "/churn", "{\"reason\": \"PRICE\"}").statusCode(409);
        post(chris(), base + "/referrals", TouchpointTest.REFERRAL).statusCode(409);
        post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW).statusCode(409);
        // Its profile stays correctable.
        CustomerApi.patch(chris(), id, "\"2\"", "{\"notes\": \"Went to a competitor\"}").statusCode(200)
                .body("status", equalTo("CHURNED"));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);
        assertEquals(List.of("customer.churned.v1", "customer.updated.v1"), types(events).subList(3, 5));
        EventCatalogue.assertMatches(events.get(3));
        JsonNode churned = read(events.get(3));
        assertEquals(renewal, churned.get("renewalId").asText());
        assertEquals("COMPETITOR", churned.get("reason").asText());
        assertEquals("3750.00", churned.get("mrrLost").get(0).get("amount").asText());
        assertEquals(1, churned.get("contractIds").size());
    }

    @Test
    void oneOfSeveralContractsNotRenewedIsANonRenewalContraction() {
        String company = company("Partly Leaving");
        String id = onboard(company, startOfContractDueSoon(), 12, "500.00");
        String deal = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), deal, won(deal, company, null, today(), 12, "700.00", "EUR"));
        await().atMost(Duration.ofSeconds(60)).until(() -> get(manager(), "/api/v1/customers/" + id + "/contracts")
                .extract().path("size()").equals(2));
        String renewal = openRenewal(id);
        post(chris(), "/api/v1/renewals/" + renewal + "/churn", "{\"reason\": \"BUDGET\"}").statusCode(200);
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .body("status", equalTo("ACTIVE")).body("mrr[0].amount", equalTo("700.00"));
        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);
        JsonNode contracted = read(events.get(4));
        assertEquals("customer.contracted.v1", types(events).get(4));
        assertEquals("NON_RENEWAL", contracted.get("kind").asText());
        assertEquals(renewal, contracted.get("renewalId").asText());
        assertEquals("500.00", contracted.get("mrrBefore").get("amount").asText());
        assertEquals("0.00", contracted.get("mrrAfter").get("amount").asText());
    }

    @Test
    void churnOutsideARenewalEndsEverythingAndClosesOpenRenewals() {
        String id = dueCustomer("Closing Down");
        String renewal = openRenewal(id);
        post(chris(), "/api/v1/customers/" + id + "/churn", "{\"reason\": \"BUSINESS_CLOSED\"}").statusCode(200)
                .body("status", equalTo("CHURNED"));
        get(manager(), "/api/v1/renewals/" + renewal).statusCode(200).body("status", equalTo("CHURNED"))
                .body("churnReason", equalTo("BUSINESS_CLOSED"));
        post(chris(), "/api/v1/renewals/" + renewal + "/renew", RENEW).statusCode(409);
        // The company won again later is a new customer (a win-back), not the churned one.
        String company = get(manager(), "/api/v1/customers/" + id).extract().path("companyName");
        String deal = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), deal, won(deal, company, null, today(), 12, "99.00", "EUR"));
        await().atMost(Duration.ofSeconds(60)).until(() -> CustomerApi.customersNamed(company).size() == 2);
        List<ConsumerRecord<String, String>> events = eventsOf(id, 4);
        assertEquals("customer.churned.v1", types(events).get(3));
        EventCatalogue.assertMatches(events.get(3));
        JsonNode churned = read(events.get(3));
        assertTrue(churned.get("renewalId").isNull());
        assertEquals(renewal, churned.get("closedRenewalIds").get(0).asText());
        assertEquals("3750.00", churned.get("mrrLost").get(0).get("amount").asText());
    }

    @Test
    void badRenewalsAreProblems() {
        String id = dueCustomer("Careful Renewal");
        String renewal = "/api/v1/renewals/" + openRenewal(id);
        for (String body : new String[] {"{", "{}", RENEW.replace("12", "0"), RENEW.replace("12", "121"),
                RENEW.replace("12", "\"twelve\""), RENEW.replace("4000.00", "-1"), RENEW.replace("EUR", "USD"),
                RENEW.replace("{\"termMonths\"", "{\"startDate\": \"2027-02-30\", \"termMonths\""),
                RENEW.replace("{\"termMonths\"", "{\"startDate\": \"" + today().plusYears(3) + "\", \"termMonths\""),
                RENEW.replace("{\"termMonths\"", "{\"status\": \"RENEWED\", \"termMonths\"")}) {
            post(chris(), renewal + "/renew", body).statusCode(400).contentType(PROBLEM);
        }
        for (String body : new String[] {"{}", "{\"reason\": \"BORED\"}", "{\"reason\": \"PRICE\", \"note\": \""
                + "n".repeat(2001) + "\"}"}) {
            post(chris(), renewal + "/churn", body).statusCode(400).contentType(PROBLEM);
        }
        post(CustomerApi.csm(UUID.randomUUID()), renewal + "/renew", RENEW).statusCode(403).contentType(PROBLEM);
        post(chris(), "/api/v1/renewals/" + UUID.randomUUID() + "/renew", RENEW).statusCode(404).contentType(PROBLEM);
        get(chris(), "/api/v1/renewals/nope").statusCode(400).contentType(PROBLEM);
        for (String query : new String[] {"dueBefore=soon", "status=DONE", "csm=x", "customer=x", "limit=500",
                "cursor=eA"}) {
            get(chris(), "/api/v1/renewals?" + query).statusCode(400).contentType(PROBLEM);
        }
        get(chris(), "/api/v1/renewals?status=OPEN&csm=" + CHRIS + "&dueBefore=" + today().plusMonths(2))
                .statusCode(200).body("items.customerId.findAll { it == '" + id + "' }", hasSize(1));
    }

    @Test
    void theDailyRecomputationAgesHealthAndAnnouncesABandChange() throws Throwable {
        String id = onboard(company("Quiet"));
        get(manager(), "/api/v1/customers/" + id).statusCode(200).body("health.score", equalTo(75));
        LocalDate later = today().plusDays(45);
        // Two instances at once: each customer is rescored by one of them.
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(recompute(go, later), recompute(go, later));
        go.countDown();
        runs.forEach(CompletableFuture::join);
        // Unchanged on a second run of the same day.
        jobs.recomputeHealth(later);
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .body("health.score", equalTo(65))
                .body("health.band", equalTo("YELLOW"))
                .body("health.computedOn", equalTo(later.toString()))
                .body("health.reasons[1].code", equalTo("NO_RECENT_TOUCHPOINT"))
                .body("version", equalTo(2));
        post(chris(), "/api/v1/customers/" + id + "/check-ins", "{\"type\": \"CALL\", \"sentiment\": \"NEUTRAL\"}")
                .statusCode(201);
        // The check-in is a recent touchpoint again: the score it restores is announced too.
        String bandAfterCheckIn = get(manager(), "/api/v1/customers/" + id).statusCode(200).extract().path("health.band");
        List<ConsumerRecord<String, String>> events = eventsOf(id, 5);
        assertEquals(List.of("customer.onboarded.v1", "customer.assigned.v1", "customer.health-changed.v1",
                "customer.check-in-recorded.v1", "customer.health-changed.v1"), types(events));
        EventCatalogue.assertMatches(events.get(2));
        assertEquals("customer-success-service", read(events.get(2)).get("actorId").asText());
        assertEquals("YELLOW", read(events.get(2)).get("band").asText());
        EventCatalogue.assertMatches(events.get(4));
        assertEquals(bandAfterCheckIn, read(events.get(4)).get("band").asText());
        assertEquals("GREEN", bandAfterCheckIn);
    }

    private CompletableFuture<Integer> recompute(CountDownLatch go, LocalDate day) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return jobs.recomputeHealth(day);
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
