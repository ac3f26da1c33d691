package dev.salesplatform.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.salesplatform.kit.input.InputRules;

/**
 * A CloudEvents 1.0 event read from Kafka in binary mode: attributes in {@code ce_*} headers, the
 * JSON payload (with {@code occurredAt}, {@code actorId}, {@code aggregateVersion}) as the value.
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, JsonNode data) {

    /** Reads the event, or throws {@link InvalidEventException} for a record that is not one. */
    public static CloudEvent from(ConsumerRecord<String, String> record, ObjectMapper mapper) {
        String id = required(record, "ce_id");
        String type = required(record, "ce_type");
        String source = required(record, "ce_source");
        String subject = header(record, "ce_subject");
        Instant time;
        try {
            time = Instant.parse(required(record, "ce_time"));
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("ce_time is not an ISO-8601 instant");
        }
        // The years of InputRules, not its precision: a producer's clock may tell nanoseconds.
        if (!InputRules.inYears(time)) {
            throw new InvalidEventException("ce_time is outside the years " + InputRules.MIN_YEAR + " to " + InputRules.MAX_YEAR);
        }
        if (record.value() == null) {
            throw new InvalidEventException("event " + id + " has no payload");
        }
        try {
            JsonNode data = mapper.readTree(record.value());
            if (data == null || !data.isObject()) {
                throw new InvalidEventException("event " + id + " payload is not a JSON object");
            }
            return new CloudEvent(id, type, source, subject, time, data);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event " + id + " payload is not JSON");
        }
    }

    /** A required text field of the payload, within {@link InputRules}. */
    public String text(String field) {
        JsonNode node = data.get(field);
        if (node == null || node.isNull() || !node.isValueNode()) {
            throw new InvalidEventException("event " + id + " (" + type + ") lacks field " + field);
        }
        return checked(field, node.asText());
    }

    /** An optional text field of the payload, or null; within {@link InputRules}. */
    public String optionalText(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : checked(field, node.asText());
    }

    private String checked(String field, String text) {
        String violation = InputRules.textViolation(text);
        if (violation != null) {
            throw new InvalidEventException("event " + id + " (" + type + ") field " + field + " " + violation);
        }
        return text;
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("record at " + record.topic() + "/" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
