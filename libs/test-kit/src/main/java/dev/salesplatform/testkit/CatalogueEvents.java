package dev.salesplatform.testkit;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The event catalogue ({@code docs/event-catalogue.json}) as test input for consumers: for every type
 * of a topic, its example, the example with unknown extra fields (tolerant reader), and the example
 * with each optional field ("... or null") absent and null; plus an unknown later version. Each
 * variant gets fresh ids, names and emails, so that it is a new aggregate of its own and never meets
 * another test's data.
 */
public final class CatalogueEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CatalogueEvents() {
    }

    /** One event to send: its {@code ce_id}, type and payload. */
    public record Variant(String id, String type, String description, String payload) {
    }

    /** The catalogue's types on {@code topic}. */
    public static Set<String> types(String topic) {
        Set<String> types = new TreeSet<>();
        catalogue().path("events").fields().forEachRemaining(entry -> {
            if (topic.equals(entry.getValue().path("topic").asText())) {
                types.add(entry.getKey());
            }
        });
        return types;
    }

    /** Every variant of every catalogue type on {@code topic}. */
    public static List<Variant> variants(String topic) {
        List<Variant> variants = new ArrayList<>();
        for (String type : types(topic)) {
            JsonNode entry = catalogue().path("events").path(type);
            ObjectNode example = (ObjectNode) entry.path("example");
            variants.add(variant(type, "example", example));
            ObjectNode extra = example.deepCopy();
            addFieldsFromTheFuture(extra);
            extra.putObject("nestedFromTheFuture").put("x", 1);
            variants.add(variant(type, "with unknown extra fields", extra));
            entry.path("fields").fields().forEachRemaining(field -> {
                if (field.getValue().asText().contains("or null") && example.has(field.getKey())) {
                    ObjectNode absent = example.deepCopy();
                    absent.remove(field.getKey());
                    variants.add(variant(type, "without " + field.getKey(), absent));
                    ObjectNode nulled = example.deepCopy();
                    nulled.putNull(field.getKey());
                    variants.add(variant(type, "with " + field.getKey() + " null", nulled));
                }
            });
        }
        return variants;
    }

    /**
     * A later minor version's additions: an unknown field at the top and in every nested object (an
     * address gaining a line, a money a rate), which a tolerant reader ignores at every level.
     */
    private static void addFieldsFromTheFuture(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.elements().forEachRemaining(CatalogueEvents::addFieldsFromTheFuture);
            object.put("fieldFromTheFuture", "ignored by a tolerant reader");
        } else if (node.isArray()) {
            node.elements().forEachRemaining(CatalogueEvents::addFieldsFromTheFuture);
        }
    }

    /** An event of a version no consumer knows yet ({@code <first type of the topic>} as {@code .v2}). */
    public static Variant futureVersion(String topic) {
        String type = types(topic).iterator().next();
        JsonNode example = catalogue().path("events").path(type).path("example");
        return variant(type.replaceFirst("\\.v1$", ".v2"), "unknown later version", (ObjectNode) example);
    }

    /** The record of {@code variant} on {@code topic} with the CloudEvents headers of its producer. */
    public static ProducerRecord<String, String> record(String topic, String key, Variant variant) {
        String source = catalogue().path("events").path(variant.type().replaceFirst("\\.v2$", ".v1"))
                .path("source").asText("/test");
        return CloudEventRecord.of(variant.type()).id(variant.id()).source(source).subject(key)
                .payload(variant.payload()).on(topic);
    }

    /**
     * Feeds every variant of {@code topic} (and an unknown later version) to a consumer through the
     * real broker, in one partition and in order: ignored types first, handled ones last. Then waits
     * until {@code applied} reports every handled variant's {@code ce_id}, failing at once when
     * {@code deadLettered} reports any variant. Answers the variants sent.
     */
    public static List<Variant> assertConsumed(String topic, Predicate<String> handled,
                                               Function<Set<String>, Set<String>> applied,
                                               Function<Set<String>, Set<String>> deadLettered) {
        List<Variant> ignored = new ArrayList<>();
        List<Variant> handledVariants = new ArrayList<>();
        for (Variant variant : variants(topic)) {
            (handled.test(variant.type()) ? handledVariants : ignored).add(variant);
        }
        if (handledVariants.isEmpty()) {
            throw new AssertionError("the consumer handles no catalogue type of " + topic);
        }
        List<Variant> all = new ArrayList<>(ignored);
        all.add(futureVersion(topic));
        all.addAll(handledVariants);
        String key = UUID.randomUUID().toString();
        TopicReader.sendAll(all.stream().map(v -> record(topic, key, v)).toList());
        Set<String> allIds = new HashSet<>();
        all.forEach(v -> allIds.add(v.id()));
        Set<String> expected = new HashSet<>();
        handledVariants.forEach(v -> expected.add(v.id()));
        Map<String, Variant> byId = new HashMap<>();
        all.forEach(v -> byId.put(v.id(), v));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Set<String> dead = deadLettered.apply(allIds);
            if (!dead.isEmpty()) {
                throw new AssertionError("dead-lettered: " + dead.stream().map(id -> byId.get(id).type() + " "
                        + byId.get(id).description()).toList());
            }
            return applied.apply(expected).containsAll(expected);
        });
        return all;
    }

    private static Variant variant(String type, String description, ObjectNode payload) {
        ObjectNode fresh = payload.deepCopy();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        freshen(fresh, new HashMap<>(), suffix);
        return new Variant(UUID.randomUUID().toString(), type, description, fresh.toString());
    }

    /** New UUIDs (the same old id maps to the same new one), unique emails and names. */
    private static void freshen(JsonNode node, Map<String, String> ids, String suffix) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual()) {
                    String text = value.asText();
                    String fresh = isUuid(text) ? ids.computeIfAbsent(text, old -> UUID.randomUUID().toString())
                            : text.contains("@") ? "contact-" + suffix + "@" + suffix + ".example"
                            : field.getKey().equals("name") || field.getKey().endsWith("Name")
                                    && !field.getKey().equals("firstName") && !field.getKey().equals("lastName")
                            ? text + " " + suffix : text;
                    replaced.add(Map.entry(field.getKey(), new TextNode(fresh)));
                } else {
                    freshen(value, ids, suffix);
                }
            }
            replaced.forEach(entry -> object.set(entry.getKey(), entry.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                if (element.isTextual() && isUuid(element.asText())) {
                    ((ArrayNode) node).set(i,
                            new TextNode(ids.computeIfAbsent(element.asText(), old -> UUID.randomUUID().toString())));
                } else {
                    freshen(element, ids, suffix);
                }
            }
        }
    }

    private static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static JsonNode catalogue() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("docs/event-catalogue.json"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("docs/event-catalogue.json not found above " + Path.of("").toAbsolutePath());
        }
        try {
            return MAPPER.readTree(dir.resolve("docs/event-catalogue.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
