package dev.salesplatform.kit.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.salesplatform.kit.money.Money;
import dev.salesplatform.kit.problem.StrictJson;

/** A consumer reads a payload into its own record: unknown members ignored, known ones by the input rules. */
class CloudEventDataTest {

    record Contact(@JsonProperty(required = true) String email, String phone) {
    }

    record HandedOff(@JsonProperty(required = true) UUID leadId, Money estimatedValue, LocalDate closeBy,
                     Contact contact) {
    }

    static final ObjectMapper MAPPER = mapper();

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.registerModule(new JavaTimeModule());
        new StrictJson().customize(mapper);
        return mapper;
    }

    static CloudEvent event(String payload) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sales.lead.events", 0, 7, "key", payload);
        record.headers().add("ce_id", "e-1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "sales.lead.handed-off.v1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_source", "/lead-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_time", "2026-11-03T10:15:30Z".getBytes(StandardCharsets.UTF_8));
        return CloudEvent.from(record, MAPPER);
    }

    @Test
    void readsKnownMembersAndIgnoresOthers() {
        UUID lead = UUID.fromString("0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d");
        HandedOff data = event("{\"leadId\": \"" + lead + "\", \"estimatedValue\": {\"amount\": \"1250.00\","
                + " \"currency\": \"EUR\"}, \"closeBy\": \"2026-12-31\", \"contact\": {\"email\": \"ada@example.com\","
                + " \"fromTheFuture\": 1}, \"alsoFromTheFuture\": [1, 2]}").dataAs(HandedOff.class);
        assertEquals(lead, data.leadId());
        assertEquals(new Money(new BigDecimal("1250.00"), "EUR"), data.estimatedValue());
        assertEquals(LocalDate.of(2026, 12, 31), data.closeBy());
        assertEquals("ada@example.com", data.contact().email());
        assertNull(data.contact().phone());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|lacks member leadId$",
        "{\"leadId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"contact\": {}}|lacks member contact.email$",
        "{\"leadId\": \"not-an-id\"}|member leadId must be a UUID",
        "{\"leadId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"closeBy\": \"31.12.2026\"}|member closeBy must be",
        "{\"leadId\": \"0192f0c4-1d2e-7a3b-8c4d-5e6f7a8b9c0d\", \"contact\": {\"email\": \"a\\u0000b\"}}"
            + "|member contact.email must not contain"})
    void refusesAPayloadItCannotUseNamingTheMember(String payload, String expected) {
        InvalidEventException failure = assertThrows(InvalidEventException.class,
                () -> event(payload).dataAs(HandedOff.class));
        String message = failure.getMessage();
        // "$" ends a message exactly; the rest name the member and the start of the rule.
        String prefix = "event e-1 (sales.lead.handed-off.v1) payload " + expected.replaceFirst("\\$$", "");
        assertTrue(expected.endsWith("$") ? message.equals(prefix) : message.startsWith(prefix), message);
    }
}
