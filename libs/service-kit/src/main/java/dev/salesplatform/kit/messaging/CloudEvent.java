package dev.salesplatform.kit.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import dev.salesplatform.kit.input.InputRules;
import dev.salesplatform.kit.input.InputRulesModule;
import dev.salesplatform.kit.problem.JsonProblems;

/**
 * A CloudEvents 1.0 event read from Kafka in binary mode: attributes in {@code ce_*} headers, the
 * JSON payload (with {@code occurredAt}, {@code actorId}, {@code aggregateVersion}) as the value.
 * A consumer reads the payload into its own tolerant-reader record with {@link #dataAs(Class)}.
 */
public final class CloudEvent {

    private static final String MISSING = "Missing required creator property '";

    private final String id;
    private final String type;
    private final String source;
    private final String subject;
    private final Instant time;
    private final JsonNode data;
    private final ObjectMapper mapper;

    private CloudEvent(String id, String type, String source, String subject, Instant time, JsonNode data,
                       ObjectMapper mapper) {
        this.id = id;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.time = time;
        this.data = data;
        this.mapper = mapper;
    }

    /**
     * Reads the event, or throws {@link InvalidEventException} for a record that is not one.
     * {@code mapper} is the service's own, which applies the input rules to {@link #dataAs(Class)}.
     */
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
            return new CloudEvent(id, type, source, subject, time, data, mapper);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("event " + id + " payload is not JSON");
        }
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String source() {
        return source;
    }

    /** The aggregate's id, or null. */
    public String subject() {
        return subject;
    }

    public Instant time() {
        return time;
    }

    public JsonNode data() {
        return data;
    }

    /**
     * The payload as {@code type}, a consumer's tolerant reader: members it does not name are ignored
     * (producers add fields in a minor version), members it names obey {@link InputRules} as request
     * bodies do, and a record component marked {@code @JsonProperty(required = true)} must be present.
     * {@link InvalidEventException} naming the member otherwise.
     */
    public <T> T dataAs(Class<T> type) {
        try {
            return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(data);
        } catch (IOException e) {
            throw new InvalidEventException("event " + id + " (" + this.type + ") payload " + describe(e));
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

    private static String describe(IOException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return "is not readable";
        }
        String path = JsonProblems.path(mapping);
        String message = mapping.getOriginalMessage() == null ? "" : mapping.getOriginalMessage();
        if (message.startsWith(MISSING)) {
            // Jackson's path may or may not end at the missing member already.
            String member = message.substring(MISSING.length()).replaceFirst("'.*", "");
            boolean named = path.equals(member) || path.endsWith("." + member);
            return "lacks member " + (named ? path : path.isEmpty() ? member : path + "." + member);
        }
        String rule = e instanceof InputRulesModule.Violation violation ? violation.rule()
                : e instanceof InvalidFormatException ? "has the wrong format" : "has the wrong type";
        return "member " + (path.isEmpty() ? "(root)" : path) + " " + rule;
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
