package dev.salesplatform.testkit;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks an emitted Kafka record against {@code docs/event-catalogue.json}: CloudEvents headers,
 * topic, key, and exactly the documented payload fields.
 */
public final class EventCatalogue {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] HEADERS = {"ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time",
            "ce_subject", "content-type"};

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
