package dev.salesplatform.analytics.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.salesplatform.analytics.service.SalesEvent;
import dev.salesplatform.kit.messaging.InvalidEventException;
import dev.salesplatform.kit.problem.StrictJson;

/** The readers' rules the catalogue examples do not show: what an edit names, and what makes an event poison. */
class EventReaderTest {

    static final String DEAL = "\"dealId\": \"" + UUID.randomUUID() + "\", \"aggregateVersion\": 3";
    static final String CUSTOMER = "\"customerId\": \"" + UUID.randomUUID() + "\", \"aggregateVersion\": 3";

    static final EventReader READER = new EventReader(mapper());

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    static SalesEvent read(String type, String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sales.deal.events", 0, 7, "key", payload);
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/test".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-11-03T10:15:30Z".getBytes(StandardCharsets.UTF_8));
        return READER.read(record).event();
    }

    @Test
    void anEditChangesOnlyTheFieldsItNamesAndANamedNullCloseDateRemovesIt() {
        SalesEvent.DealUpdated amount = (SalesEvent.DealUpdated) read("deal.updated.v1",
                "{" + DEAL + ", \"changes\": {\"amount.amount\": \"52000.00\", \"contact.email\": \"a@b.example\"}}");
        assertEquals(new BigDecimal("52000.00"), amount.amount());
        assertNull(amount.currency());
        assertFalse(amount.expectedCloseChanged());

        SalesEvent.DealUpdated removed = (SalesEvent.DealUpdated) read("deal.updated.v1",
                "{" + DEAL + ", \"changes\": {\"expectedCloseDate\": null}}");
        assertTrue(removed.expectedCloseChanged());
        assertNull(removed.expectedClose());

        SalesEvent.DealUpdated moved = (SalesEvent.DealUpdated) read("deal.updated.v1",
                "{" + DEAL + ", \"changes\": {\"expectedCloseDate\": \"2027-04-30\"}}");
        assertEquals(LocalDate.of(2027, 4, 30), moved.expectedClose());
    }

    @Test
    void onlyANonRenewalContractionDecidesItsRenewal() {
        UUID renewal = UUID.randomUUID();
        String contracted = "{" + CUSTOMER + ", \"delta\": {\"amount\": \"500.00\", \"currency\": \"EUR\"},"
                + " \"renewalId\": \"" + renewal + "\", \"kind\": \"%s\"}";
        assertEquals(renewal, ((SalesEvent.CustomerContracted) read("customer.contracted.v1",
                contracted.formatted("NON_RENEWAL"))).notRenewed());
        assertNull(((SalesEvent.CustomerContracted) read("customer.contracted.v1",
                contracted.formatted("RENEWAL"))).notRenewed());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "deal.updated.v1|{DEAL, \"changes\": {\"amount.amount\": null}}|changes.amount.amount",
        "deal.updated.v1|{DEAL, \"changes\": {\"amount.currency\": \"EURO\"}}|changes.amount.currency",
        "deal.updated.v1|{DEAL}|changes",
        "deal.won.v1|{DEAL, \"ownerId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"stage\": \"CLOSED_WON\"}|finalAmount",
        "deal.won.v1|{DEAL, \"ownerId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"stage\": \"CLOSED_WON\","
            + " \"finalAmount\": {\"currency\": \"EUR\"}}|finalAmount.amount",
        "customer.expanded.v1|{CUSTOMER, \"delta\": {\"amount\": \"1\", \"currency\": \"E1R\"}}|delta.currency",
        "customer.feedback-recorded.v1|{CUSTOMER, \"score\": 11}|score",
        "customer.feedback-recorded.v1|{CUSTOMER, \"score\": 7.5}|score",
        "customer.churned.v1|{CUSTOMER, \"mrrLost\": [null]}|mrrLost[0]",
        "customer.assigned.v1|{\"customerId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"aggregateVersion\": null}"
            + "|aggregateVersion",
        "lead.created.v1|{\"leadId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"aggregateVersion\": 0}|source"})
    void aPayloadTheProjectionsCannotUseIsPoisonNamingTheMember(String type, String payload, String member) {
        InvalidEventException failure = assertThrows(InvalidEventException.class,
                () -> read(type, payload.replace("DEAL", DEAL).replace("CUSTOMER", CUSTOMER)));
        assertTrue(failure.getMessage().contains(member), failure.getMessage());
    }
}
