package dev.salesplatform.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.testkit.CatalogueCompatibility;

/**
 * The catalogue as it is now keeps every promise of docs/event-catalogue.released.json, the catalogue
 * of the last release, so that a service released later never breaks one released earlier (services
 * are released one by one). A breaking change needs a new version of the type beside the old one; the
 * released file is replaced only when a release ships. The rules themselves are shown on changes made
 * to the released catalogue: each breaking kind is found, each compatible kind is not.
 */
class EventCatalogueCompatibilityTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode read(String name) throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs").resolve(name))) {
            dir = dir.getParent();
        }
        return MAPPER.readTree(dir.resolve("docs").resolve(name).toFile());
    }

    private static JsonNode released() throws IOException {
        return read("event-catalogue.released.json");
    }

    @Test
    void theCatalogueKeepsEveryPromiseOfTheLastRelease() throws IOException {
        assertEquals(List.of(), CatalogueCompatibility.breakingChanges(released(), read("event-catalogue.json")));
    }

    static List<Arguments> breakingChanges() {
        return List.of(
                change("an event type removed", c -> events(c).remove("lead.reopened.v1"),
                        "lead.reopened.v1: removed (consumers of the release still read it; keep it beside a new version)"),
                change("a type moved to another topic", c -> event(c, "deal.won.v1").put("topic", "sales.other.events"),
                        "deal.won.v1: moved from topic sales.deal.events to sales.other.events"),
                change("a field removed", c -> properties(c, "lead.created.v1").remove("score"),
                        "lead.created.v1.score: removed"),
                change("a field retyped", c -> properties(c, "lead.created.v1").putObject("score").put("type", "string"),
                        "lead.created.v1.score: retyped from [integer] to [string]"),
                change("a field made nullable", c -> properties(c, "lead.created.v1").putObject("leadId")
                                .put("$ref", "#/$defs/nullableUuid"),
                        "lead.created.v1.leadId: may now be null"),
                change("a field no longer required", c -> ((ArrayNode) schema(c, "lead.created.v1").path("required"))
                                .removeAll().add("leadId"),
                        "lead.created.v1.email: no longer always present"),
                change("a nested field removed through a shared definition",
                        c -> ((ObjectNode) c.path("$defs").path("money").path("properties")).remove("currency"),
                        "customer.onboarded.v1.contract.mrr.currency: removed"),
                change("a bound loosened", c -> ((ObjectNode) properties(c, "lead.created.v1").path("firstName"))
                                .put("maxLength", 1000),
                        "lead.created.v1.firstName: maxLength raised from 100 to 1000"),
                change("a format changed", c -> ((ObjectNode) c.path("$defs").path("instant")).put("format", "date"),
                        "lead.created.v1.occurredAt: format changed from \"date-time\" to \"date\""),
                change("an enumeration value added", c -> ((ArrayNode) properties(c, "lead.created.v1").path("source")
                                .path("enum")).add("PODCAST"),
                        "lead.created.v1.source: values added [\"PODCAST\"]"));
    }

    /** Each kind of breaking change is reported, in these words, wherever it reaches (a shared definition: every use). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("breakingChanges")
    void findsEachKindOfBreakingChange(String kind, Consumer<ObjectNode> edit, String expected) throws IOException {
        JsonNode released = released();
        ObjectNode changed = released.deepCopy();
        edit.accept(changed);
        List<String> breaks = CatalogueCompatibility.breakingChanges(released, changed);
        assertTrue(breaks.contains(expected), kind + ": " + breaks);
    }

    static List<Arguments> compatibleChanges() {
        return List.of(
                change("a new event type", c -> events(c).set("lead.archived.v1", event(c, "lead.reopened.v1").deepCopy()), null),
                change("a new field", c -> properties(c, "lead.created.v1").putObject("campaignId").put("type", "string"), null),
                change("a field no longer nullable", c -> properties(c, "lead.created.v1").putObject("ownerId")
                        .put("$ref", "#/$defs/uuid"), null),
                change("a bound tightened", c -> ((ObjectNode) properties(c, "lead.created.v1").path("firstName"))
                        .put("maxLength", 50), null),
                change("an enumeration value dropped", c -> ((ArrayNode) properties(c, "lead.created.v1").path("source")
                        .path("enum")).remove(0), null),
                change("a description reworded", c -> event(c, "deal.won.v1").put("meaning", "Closed won."), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatibleChanges")
    void acceptsCompatibleChanges(String kind, Consumer<ObjectNode> edit, String ignored) throws IOException {
        JsonNode released = released();
        ObjectNode changed = released.deepCopy();
        edit.accept(changed);
        assertEquals(List.of(), CatalogueCompatibility.breakingChanges(released, changed), kind);
    }

    private static Arguments change(String kind, Consumer<ObjectNode> edit, String expected) {
        return Arguments.of(kind, edit, expected);
    }

    private static ObjectNode events(ObjectNode catalogue) {
        return (ObjectNode) catalogue.path("events");
    }

    private static ObjectNode event(ObjectNode catalogue, String type) {
        return (ObjectNode) events(catalogue).path(type);
    }

    private static ObjectNode schema(ObjectNode catalogue, String type) {
        return (ObjectNode) event(catalogue, type).path("schema");
    }

    private static ObjectNode properties(ObjectNode catalogue, String type) {
        return (ObjectNode) schema(catalogue, type).path("properties");
    }
}
