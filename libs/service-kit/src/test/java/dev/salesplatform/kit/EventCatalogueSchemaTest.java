package dev.salesplatform.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.salesplatform.testkit.EventCatalogue;

/**
 * Every type of docs/event-catalogue.json carries a JSON Schema that its example satisfies and that
 * refuses what the consumers refuse (customer-success's DealWonConsumer.read, analytics' EventProjector):
 * a missing field, an unknown one, a contract outside 2000..2200 or 1..120 months, a currency that is
 * not an ISO-4217 code, a negative amount, an NPS score above 10. Plain JUnit: no Quarkus, no broker.
 */
class EventCatalogueSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode catalogue() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/event-catalogue.json"))) {
            dir = dir.getParent();
        }
        return MAPPER.readTree(dir.resolve("docs/event-catalogue.json").toFile());
    }

    private static Map<String, JsonNode> events() throws IOException {
        Map<String, JsonNode> events = new TreeMap<>();
        catalogue().path("events").fields().forEachRemaining(e -> events.put(e.getKey(), e.getValue()));
        return events;
    }

    private static ObjectNode example(String type) throws IOException {
        return (ObjectNode) events().get(type).path("example").deepCopy();
    }

    private static List<String> errors(String type, JsonNode payload) {
        return EventCatalogue.schemaErrors(type, payload.toString());
    }

    private static void assertRefused(String type, JsonNode payload, String location) {
        List<String> errors = errors(type, payload);
        assertFalse(errors.isEmpty(), type + " accepted " + payload);
        assertTrue(errors.stream().anyMatch(e -> e.contains(location)),
                type + ": expected an error at " + location + ", got " + errors);
    }

    private static ObjectNode wonWith(Consumer<ObjectNode> change) throws IOException {
        ObjectNode won = example("deal.won.v1");
        change.accept(won);
        return won;
    }

    @Test
    void everyTypeHasASchemaOfExactlyItsDocumentedFields() throws IOException {
        JsonNode catalogue = catalogue();
        assertEquals("https://json-schema.org/draft/2020-12/schema", catalogue.path("$schema").asText());
        for (String name : List.of("uuid", "nullableUuid", "instant", "date", "money", "nullableMoney", "currency")) {
            assertTrue(catalogue.path("$defs").has(name), "$defs." + name);
        }
        Map<String, JsonNode> events = events();
        assertEquals(29, events.size(), "catalogue types");
        List<String> envelope = new ArrayList<>();
        catalogue.path("envelopeFields").fieldNames().forEachRemaining(envelope::add);
        events.forEach((type, entry) -> {
            JsonNode schema = entry.path("schema");
            assertTrue(schema.isObject(), type + " has a schema");
            assertEquals("object", schema.path("type").asText(), type);
            assertFalse(schema.path("additionalProperties").asBoolean(true), type + " additionalProperties false");
            List<String> expected = new ArrayList<>();
            entry.path("fields").fieldNames().forEachRemaining(expected::add);
            expected.addAll(envelope);
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertEquals(expected, properties, type + " schema properties");
            assertEquals(expected, required, type + " schema required");
        });
    }

    @TestFactory
    Stream<DynamicTest> everyExampleIsValid() throws IOException {
        return events().keySet().stream().map(type -> DynamicTest.dynamicTest(type, () ->
                assertEquals(List.of(), errors(type, example(type)), type + " example")));
    }

    @TestFactory
    Stream<DynamicTest> everySchemaRefusesAMissingOrUnknownField() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, JsonNode> event : events().entrySet()) {
            String type = event.getKey();
            event.getValue().path("schema").path("required").forEach(field -> tests.add(DynamicTest.dynamicTest(
                    type + " without " + field.asText(), () -> {
                        ObjectNode payload = example(type);
                        payload.remove(field.asText());
                        assertRefused(type, payload, field.asText());
                    })));
            tests.add(DynamicTest.dynamicTest(type + " with an unknown field", () -> {
                ObjectNode payload = example(type);
                payload.put("fieldFromTheFuture", "not in the catalogue");
                assertRefused(type, payload, "fieldFromTheFuture");
            }));
            tests.add(DynamicTest.dynamicTest(type + " with a malformed aggregateVersion and occurredAt", () -> {
                ObjectNode payload = example(type);
                payload.put("aggregateVersion", -1);
                assertRefused(type, payload, "aggregateVersion");
                payload = example(type);
                payload.put("occurredAt", "2026-11-29 10:15");
                assertRefused(type, payload, "occurredAt");
            }));
        }
        return tests.stream();
    }

    @Test
    void wonDealsWithAContractCustomerSuccessRefusesAreRefused() throws IOException {
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("startDate", "1999-12-31")), "startDate");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("startDate", "2201-01-01")), "startDate");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("startDate", "2027-02-30")), "startDate");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("startDate", "1 April 2027")), "startDate");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("termMonths", 0)), "termMonths");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("termMonths", 121)), "termMonths");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).put("termMonths", "12")), "termMonths");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("currency", "eur")), "currency");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("currency", "EURO")), "currency");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("currency", "ABC")), "currency");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("amount", "-3750.00")), "amount");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("amount", "1000000000000.00")), "amount");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("amount", "3750,00")), "amount");
        assertRefused("deal.won.v1", wonWith(w -> mrr(w).put("amount", 3750)), "amount");
        assertRefused("deal.won.v1", wonWith(w -> ((ObjectNode) w.path("finalAmount")).put("amount", "-1")),
                "finalAmount");
        assertRefused("deal.won.v1", wonWith(w -> contract(w).remove("monthlyRecurringRevenue")),
                "monthlyRecurringRevenue");
        assertRefused("deal.won.v1", wonWith(w -> w.putNull("contract")), "contract");
        assertRefused("deal.won.v1", wonWith(w -> w.put("dealId", "not-a-uuid")), "dealId");
        assertRefused("deal.won.v1", wonWith(w -> w.putNull("ownerId")), "ownerId");

        // The bounds themselves are valid, as are a null lead and an override reason.
        for (String start : List.of("2000-01-01", "2200-12-31")) {
            assertEquals(List.of(), errors("deal.won.v1", wonWith(w -> contract(w).put("startDate", start))), start);
        }
        for (int term : List.of(1, 120)) {
            assertEquals(List.of(), errors("deal.won.v1", wonWith(w -> contract(w).put("termMonths", term))), "" + term);
        }
        assertEquals(List.of(), errors("deal.won.v1", wonWith(w -> {
            w.putNull("leadId");
            w.put("overrideReason", "Legal review is a formality");
            mrr(w).put("amount", "999999999999.99");
            ((ObjectNode) w.path("finalAmount")).put("amount", "0");
            mrr(w).put("currency", "JPY");
        })));
    }

    @Test
    void feedbackOutsideZeroToTenOrMiscategorisedIsRefused() throws IOException {
        ObjectNode feedback = example("customer.feedback-recorded.v1");
        feedback.put("score", 11);
        assertRefused("customer.feedback-recorded.v1", feedback, "score");
        feedback.put("score", -1);
        assertRefused("customer.feedback-recorded.v1", feedback, "score");
        feedback.put("score", 9);
        feedback.put("category", "DETRACTOR");
        assertRefused("customer.feedback-recorded.v1", feedback, "category");
        for (int score = 0; score <= 10; score++) {
            feedback.put("score", score);
            feedback.put("category", score >= 9 ? "PROMOTER" : score >= 7 ? "PASSIVE" : "DETRACTOR");
            assertEquals(List.of(), errors("customer.feedback-recorded.v1", feedback), "score " + score);
        }
    }

    @Test
    void enumsNullsAndBoundedCollectionsAreChecked() throws IOException {
        ObjectNode lost = example("deal.lost.v1");
        lost.put("reason", "BORED");
        assertRefused("deal.lost.v1", lost, "reason");

        ObjectNode created = example("lead.created.v1");
        created.putNull("email");
        assertRefused("lead.created.v1", created, "email");
        created = example("lead.created.v1");
        created.putNull("estimatedValue");
        created.putNull("ownerId");
        assertEquals(List.of(), errors("lead.created.v1", created));

        ObjectNode team = example("deal.team-changed.v1");
        JsonNode member = team.path("team").get(0);
        for (int i = 1; i < 50; i++) {
            team.withArray("team").add(member.deepCopy());
        }
        assertEquals(List.of(), errors("deal.team-changed.v1", team), "50 members");
        team.withArray("team").add(member.deepCopy());
        assertRefused("deal.team-changed.v1", team, "team");

        ObjectNode proposal = example("deal.proposal-changed.v1");
        proposal.put("lineCount", 101);
        assertRefused("deal.proposal-changed.v1", proposal, "lineCount");
        proposal.put("lineCount", 100);
        assertEquals(List.of(), errors("deal.proposal-changed.v1", proposal));

        ObjectNode churned = example("customer.churned.v1");
        churned.withArray("mrrLost").addObject().put("amount", "1.00").put("currency", "XYZ");
        assertRefused("customer.churned.v1", churned, "currency");
    }

    private static ObjectNode contract(ObjectNode won) {
        return (ObjectNode) won.path("contract");
    }

    private static ObjectNode mrr(ObjectNode won) {
        return (ObjectNode) won.path("contract").path("monthlyRecurringRevenue");
    }
}
