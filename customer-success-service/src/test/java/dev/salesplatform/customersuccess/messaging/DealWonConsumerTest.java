package dev.salesplatform.customersuccess.messaging;

import static dev.salesplatform.customersuccess.api.CustomerApi.AE;
import static dev.salesplatform.customersuccess.api.CustomerApi.awaitCustomer;
import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.customersNamed;
import static dev.salesplatform.customersuccess.api.CustomerApi.eventsOf;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.read;
import static dev.salesplatform.customersuccess.api.CustomerApi.send;
import static dev.salesplatform.customersuccess.api.CustomerApi.startOfContractDueSoon;
import static dev.salesplatform.customersuccess.api.CustomerApi.today;
import static dev.salesplatform.customersuccess.api.CustomerApi.types;
import static dev.salesplatform.customersuccess.api.CustomerApi.won;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.salesplatform.customersuccess.api.CustomerApi;
import dev.salesplatform.customersuccess.domain.ContractTerm;
import dev.salesplatform.testkit.EventCatalogue;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestDatabase;
import dev.salesplatform.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** deal.won.v1 from the real broker onboards exactly one customer and one contract per deal. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class DealWonConsumerTest {

    static int contracts(String customer) {
        return get(manager(), "/api/v1/customers/" + customer + "/contracts").statusCode(200)
                .extract().path("size()");
    }

    @Test
    void aWonDealDeliveredTwiceOrRepeatedOnboardsOneCustomerWithOneContract() {
        String company = company("Analytical Engines");
        String deal = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        LocalDate start = today();
        String payload = won(deal, company, "ada@engines-" + company.substring(company.length() - 8) + ".example",
                start, 12, "3750.00", "EUR");
        send(eventId, deal, payload);
        send(eventId, deal, payload);
        // The same deal under another event id adds no second contract.
        send(UUID.randomUUID().toString(), deal, payload.replace("3750.00", "9999.00"));
        // Other deal events are acknowledged without effect.
        send(UUID.randomUUID().toString(), deal, "deal.lost.v1", "{\"dealId\": \"" + deal + "\"}");
        // A marker under the same key: once its customer exists, everything before it was processed.
        String marker = company("Marker");
        String markerDeal = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), deal, won(markerDeal, marker, "m@gmail.com", start, 12, "1.00", "EUR"));
        awaitCustomer(marker);

        String id = awaitCustomer(company);
        assertEquals(1, customersNamed(company).size());
        assertEquals(1, contracts(id));
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .header("ETag", "\"0\"")
                .body("companyName", equalTo(company))
                .body("status", equalTo("ACTIVE"))
                .body("csmId", nullValue())
                .body("dealId", equalTo(deal))
                .body("domain", equalTo("engines-" + company.substring(company.length() - 8) + ".example"))
                .body("contact.firstName", equalTo("Ada"))
                .body("mrr", hasSize(1))
                .body("mrr[0].amount", equalTo("3750.00"))
                .body("mrr[0].currency", equalTo("EUR"))
                .body("contracts[0].startDate", equalTo(start.toString()))
                .body("contracts[0].endDate", equalTo(start.plusMonths(12).toString()))
                .body("contracts[0].termMonths", equalTo(12))
                .body("nextRenewalDate", equalTo(start.plusMonths(12).toString()))
                .body("health.score", equalTo(75))
                .body("health.band", equalTo("GREEN"))
                .body("health.reasons[0].code", equalTo("NPS_MISSING"));
        // A free-mail contact gives no domain.
        get(manager(), "/api/v1/customers/" + customersNamed(marker).get(0)).statusCode(200)
                .body("domain", nullValue());

        List<ConsumerRecord<String, String>> events = eventsOf(id, 1);
        assertEquals(List.of("customer.onboarded.v1"), types(events));
        EventCatalogue.assertMatches(events.get(0));
        JsonNode onboarded = read(events.get(0));
        assertEquals(deal, onboarded.get("dealId").asText());
        assertTrue(onboarded.get("csmId").isNull());
        assertEquals(AE.toString(), onboarded.get("actorId").asText());
        assertEquals("3750.00", onboarded.get("contract").get("mrr").get("amount").asText());
        assertEquals(start.plusMonths(12).toString(), onboarded.get("contract").get("endDate").asText());
        assertFalse(onboarded.get("leadId").isNull());
    }

    @Test
    void anotherWonDealOfTheSameCompanyIsAnExpansionNotANewCustomer() {
        String company = company("Babbage Works");
        String first = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), first, won(first, company, "c@gmail.com", today(), 12, "1000.00", "EUR"));
        String id = awaitCustomer(company);
        // Same company, other case and spacing, another currency.
        String second = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), second, won(second, "  " + company.toUpperCase().replace(" ", "   ") + " ",
                "d@gmail.com", today(), 24, "500.5", "USD"));

        await().atMost(Duration.ofSeconds(60)).until(() -> contracts(id) == 2);
        assertEquals(1, customersNamed(company).size());
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .body("mrr.currency", equalTo(List.of("EUR", "USD")))
                .body("mrr.amount", equalTo(List.of("1000.00", "500.50")))
                .body("nextRenewalDate", equalTo(today().plusMonths(12).toString()));

        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertEquals(List.of("customer.onboarded.v1", "customer.expanded.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        JsonNode expanded = read(events.get(1));
        assertEquals("NEW_CONTRACT", expanded.get("kind").asText());
        assertEquals(second, expanded.get("dealId").asText());
        assertEquals("0.00", expanded.get("mrrBefore").get("amount").asText());
        assertEquals("500.50", expanded.get("mrrAfter").get("amount").asText());
        assertEquals("500.50", expanded.get("delta").get("amount").asText());
        assertEquals("USD", expanded.get("delta").get("currency").asText());
        assertEquals(1, expanded.get("aggregateVersion").asLong());
    }

    @Test
    void aWonDealFromTheSameCompanyDomainJoinsTheCustomer() {
        String company = company("Difference Engines");
        String domain = "de-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String first = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), first, won(first, company, "ada@" + domain, today(), 12, "100.00", "EUR"));
        String id = awaitCustomer(company);
        String second = UUID.randomUUID().toString();
        send(UUID.randomUUID().toString(), second, won(second, company("Renamed Division"), "bob@" + domain.toUpperCase(),
                today(), 12, "50.00", "EUR"));
        await().atMost(Duration.ofSeconds(60)).until(() -> contracts(id) == 2);
        get(manager(), "/api/v1/customers/" + id).statusCode(200).body("mrr[0].amount", equalTo("150.00"));
    }

    @Test
    void aContractAlreadyInItsRenewalWindowOpensItsRenewalAtOnboarding() {
        String company = company("Late Renewal");
        String deal = UUID.randomUUID().toString();
        LocalDate start = startOfContractDueSoon();
        send(UUID.randomUUID().toString(), deal, won(deal, company, null, start, 12, "200.00", "EUR"));
        String id = awaitCustomer(company);
        get(manager(), "/api/v1/renewals?customer=" + id).statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].dueDate", equalTo(start.plusMonths(12).toString()))
                .body("items[0].currentMrr.amount", equalTo("200.00"))
                .body("items[0].csmId", nullValue());
        get(manager(), "/api/v1/customers/" + id).statusCode(200)
                .body("health.reasons.code", equalTo(List.of("NPS_MISSING", "RENEWAL_IMMINENT")))
                .body("health.score", equalTo(60))
                .body("health.band", equalTo("YELLOW"));
        List<ConsumerRecord<String, String>> events = eventsOf(id, 2);
        assertEquals(List.of("customer.onboarded.v1", "customer.renewal-opened.v1"), types(events));
        events.forEach(EventCatalogue::assertMatches);
        assertEquals(start.plusMonths(12).toString(), read(events.get(1)).get("dueDate").asText());
    }

    @Test
    void aCustomerHoldsAtMostItsBoundOfContractsInForce() {
        String company = company("Many Contracts");
        List<ProducerRecord<String, String>> wins = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i <= ContractTerm.MAX_IN_FORCE; i++) {
            String deal = UUID.randomUUID().toString();
            String eventId = UUID.randomUUID().toString();
            eventIds.add(eventId);
            ProducerRecord<String, String> record = new ProducerRecord<>("sales.deal.events", company,
                    won(deal, company, null, today(), 12, "10.00", "EUR"));
            for (Header header : CustomerApi.dealEvent(eventId, DealWonConsumer.WON, deal).headers()) {
                record.headers().add(header);
            }
            wins.add(record);
        }
        // One key: one partition, in order.
        TopicReader.sendAll(wins);
        String last = eventIds.get(ContractTerm.MAX_IN_FORCE);
        await().atMost(Duration.ofSeconds(120)).until(() -> !TestDatabase.deadLettered(List.of(last)).isEmpty());
        String id = awaitCustomer(company);
        get(manager(), "/api/v1/customers/" + id + "/contracts").statusCode(200)
                .body("", hasSize(ContractTerm.MAX_IN_FORCE));
        assertEquals(List.of(), List.copyOf(TestDatabase.deadLettered(eventIds.subList(0, ContractTerm.MAX_IN_FORCE))));
        assertTrue(TestDatabase.strings("SELECT reason FROM dead_letter WHERE event_id = ?", last).iterator().next()
                .contains("at most " + ContractTerm.MAX_IN_FORCE));
    }

    @Test
    void unusableWonDealsAreDeadLetteredWithoutStoppingThePartition() {
        String key = UUID.randomUUID().toString();
        String noContract = "{\"dealId\": \"" + key + "\", \"companyName\": \"X\", \"occurredAt\": \"2026-01-01T00:00:00Z\","
                + " \"actorId\": \"a\", \"aggregateVersion\": 1}";
        send(UUID.randomUUID().toString(), key, noContract);
        String badMoney = won(UUID.randomUUID().toString(), company("Bad money"), null, today(), 12, "-5.00", "EUR");
        send(UUID.randomUUID().toString(), key, badMoney);
        String badCurrency = won(UUID.randomUUID().toString(), company("Bad currency"), null, today(), 12, "5.00", "EUR")
                .replace("\"currency\": \"EUR\"}}", "\"currency\": \"XYZ\"}}");
        send(UUID.randomUUID().toString(), key, badCurrency);
        String after = company("After poison");
        send(UUID.randomUUID().toString(), key, won(UUID.randomUUID().toString(), after, null, today(), 12, "5.00", "EUR"));

        awaitCustomer(after);
        TopicReader.readUntil("sales.deal.events.dlq",
                read -> read.stream().filter(r -> key.equals(r.key())).count() >= 3, Duration.ofSeconds(60));
    }
}
