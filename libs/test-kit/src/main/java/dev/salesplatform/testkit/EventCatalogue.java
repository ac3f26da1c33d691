package dev.salesplatform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * Checks an emitted Kafka record against {@code docs/event-catalogue.json}: CloudEvents headers,
 * topic, key, exactly the documented payload fields, and the payload against its type's JSON Schema
 * (draft 2020-12, {@code events.<type>.schema}, whose {@code $ref}s point into the catalogue's
 * {@code $defs}), plus the one rule a schema can only sketch: every money currency is an active
 * ISO-4217 code, as {@code java.util.Currency} (the services' {@code @Iso4217}) has it.
 */
public final class EventCatalogue {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] HEADERS = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
            "ce_subject", "content-type"};
    /** Where the catalogue is registered for the validator: the base of its {@code $ref}s. */
    private static final String CATALOGUE_URI = "https://salesplatform.dev/docs/event-catalogue.json";
    /** Compiled schemas per catalogue text and type (the catalogue is re-read on every check). */
    private static final Map<String, Map<String, Schema>> SCHEMAS = new ConcurrentHashMap<>();

    private EventCatalogue() {
    }

    public static void assertMatches(ConsumerRecord<String, String> record) {
        JsonNode catalogue = load();
        for (String header : HEADERS) {
            if (TopicReader.header(record, header) == null) {
                throw new AssertionError("record lacks header " + header);
            }
        }
        String type = TopicReader.header(record, "ce_type");
        JsonNode entry = catalogue.path("events").path(type);
        if (entry.isMissingNode()) {
            throw new AssertionError("event type " + type + " is not in the catalogue");
        }
        check(record.topic().equals(entry.path("topic").asText()), "topic " + record.topic() + " for " + type);
        check(entry.path("source").asText().equals(TopicReader.header(record, "ce_source")), "ce_source of " + type);
        check("1.0".equals(TopicReader.header(record, "ce_specversion")), "ce_specversion");
        check("application/json".equals(TopicReader.header(record, "content-type")), "content-type");
        check(record.key() != null && record.key().equals(TopicReader.header(record, "ce_subject")),
                "record key equals ce_subject");
        JsonNode payload;
        try {
            payload = MAPPER.readTree(record.value());
        } catch (IOException e) {
            throw new AssertionError("payload is not JSON: " + record.value());
        }
        Set<String> expected = new TreeSet<>();
        entry.path("fields").fieldNames().forEachRemaining(expected::add);
        catalogue.path("envelopeFields").fieldNames().forEachRemaining(expected::add);
        Set<String> actual = new TreeSet<>();
        payload.fieldNames().forEachRemaining(actual::add);
        if (!expected.equals(actual)) {
            throw new AssertionError(type + " payload fields " + actual + " differ from the catalogue's " + expected);
        }
        check(payload.path("occurredAt").asText().equals(TopicReader.header(record, "ce_time")),
                "occurredAt equals ce_time");
        List<String> errors = schemaErrors(type, record.value());
        if (!errors.isEmpty()) {
            throw new AssertionError(type + " payload does not match its schema in docs/event-catalogue.json: "
                    + String.join("; ", errors) + "\npayload: " + record.value());
        }
    }

    /**
     * What is wrong with {@code payloadJson} as a {@code type} event: the JSON Schema validation messages
     * (each with the location in the payload) and any money currency that is not an ISO-4217 code; empty
     * when it is valid. {@link IllegalArgumentException} for a type without a schema in the catalogue.
     */
    public static List<String> schemaErrors(String type, String payloadJson) {
        JsonNode catalogue = load();
        String text = text(catalogue);
        Schema schema = SCHEMAS.computeIfAbsent(text, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> compile(catalogue, text, t));
        JsonNode payload;
        try {
            payload = MAPPER.readTree(payloadJson);
        } catch (JsonProcessingException e) {
            return List.of("payload is not JSON: " + e.getOriginalMessage());
        }
        List<String> errors = new ArrayList<>();
        for (Error error : schema.validate(payloadJson, InputFormat.JSON)) {
            String where = error.getInstanceLocation().toString();
            errors.add((where.isEmpty() ? "/" : where) + ": " + error.getMessage());
        }
        currencies(payload, "", errors);
        return errors;
    }

    private static Schema compile(JsonNode catalogue, String catalogueText, String type) {
        if (!catalogue.path("events").path(type).path("schema").isObject()) {
            throw new IllegalArgumentException("event type " + type + " has no schema in docs/event-catalogue.json");
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(CATALOGUE_URI, catalogueText))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        try {
            // A JSON pointer into the catalogue: "#/$defs/..." then resolves against the catalogue itself.
            Schema schema = registry.getSchema(SchemaLocation.of(CATALOGUE_URI + "#/events/" + type + "/schema"));
            schema.initializeValidators();
            return schema;
        } catch (SchemaException e) {
            throw new IllegalStateException("the schema of " + type + " in docs/event-catalogue.json is invalid: "
                    + e.getMessage(), e);
        }
    }

    /** Every {amount, currency} object's currency must be a code java.util.Currency knows, as @Iso4217 checks. */
    private static void currencies(JsonNode node, String path, List<String> errors) {
        if (node.isObject()) {
            JsonNode currency = node.get("currency");
            if (node.has("amount") && currency != null && currency.isTextual()
                    && currency.asText().matches("[A-Z]{3}") && !isCurrency(currency.asText())) {
                errors.add(path + "/currency: " + currency.asText() + " is not an ISO-4217 currency code (java.util.Currency)");
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                currencies(field.getValue(), path + "/" + field.getKey(), errors);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                currencies(node.get(i), path + "/" + i, errors);
            }
        }
    }

    /** Any other shape is the schema's pattern to report. */
    private static boolean isCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String text(JsonNode catalogue) {
        try {
            return MAPPER.writeValueAsString(catalogue);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("catalogue mismatch: " + what);
        }
    }

    private static JsonNode load() {
        return CatalogueEvents.catalogue();
    }
}
