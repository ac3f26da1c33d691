package dev.salesplatform.e2e.fuzz;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Valid values built from the schemas: a schema's own example where it has one (it satisfies the
 * rules between members that a schema cannot state), else its required members; enums take their
 * first value, dates fixed ones within 2000-2200, money {"amount": "10.00", "currency": "EUR"}.
 * Members that must be unique per request (emails, names of pipelines) hold placeholders that each
 * send replaces; members naming users name the demo users; a date the server holds to its own
 * "today" (a proposal's validUntil) comes from the server's clock, not ours.
 */
public final class Examples {

    /** Replaced by a new address on every send. */
    public static final String UNIQUE_EMAIL = "fuzz-unique-email@fuzz.example.org";
    /** Replaced by a new suffix on every send. */
    public static final String UNIQUE = "{fuzz-unique}";

    static final String VALID_DATE = "2027-03-31";
    static final String VALID_INSTANT = "2020-06-15T10:15:30Z";

    /** The demo users (README, local only) that members naming a user point at. */
    static final Map<String, String> USERS = Map.of(
            "ownerid", "00000000-0000-7000-8000-000000000001",
            "accountexecutiveid", "00000000-0000-7000-8000-000000000003",
            "userid", "00000000-0000-7000-8000-000000000004",
            "csmid", "00000000-0000-7000-8000-000000000005");

    private final OpenApiDocument document;
    private final LocalDate serverToday;

    public Examples(OpenApiDocument document, LocalDate serverToday) {
        this.document = document;
        this.serverToday = serverToday;
    }

    /** A valid value for the (unresolved or resolved) schema of member {@code name}. */
    public JsonNode valid(JsonNode schema, String name) {
        return valid(document.resolve(schema), name, 0);
    }

    private JsonNode valid(JsonNode schema, String name, int depth) {
        String type = OpenApiDocument.type(schema);
        JsonNode example = OpenApiDocument.example(schema);
        if (type.equals("object")) {
            ObjectNode result = example != null && example.isObject() ? ((ObjectNode) example).deepCopy() : Json.object();
            for (JsonNode required : schema.path("required")) {
                String member = required.asText();
                if (!result.has(member) && depth < 8) {
                    result.set(member, valid(document.property(schema, member), member, depth + 1));
                }
            }
            adjust(result, schema, depth);
            return result;
        }
        if (type.equals("array")) {
            if (example != null && example.isArray()) {
                return adjustAll(example.deepCopy(), schema.path("items"), depth);
            }
            ArrayNode result = Json.NODES.arrayNode();
            int count = Math.max(1, schema.path("minItems").asInt(1));
            for (int i = 0; i < count && depth < 8; i++) {
                result.add(valid(document.resolve(schema.path("items")), name, depth + 1));
            }
            return result;
        }
        if (example != null && !example.isObject() && !example.isArray() && !schema.has("enum")
                && !schema.path("format").asText("").equals("uuid")) {
            return example.deepCopy();
        }
        return scalar(schema, name, type);
    }

    /** An operation's own example body, made fit for a run like a schema's (see {@link #adjust}). */
    public JsonNode fit(JsonNode example, JsonNode schema) {
        JsonNode copy = example.deepCopy();
        JsonNode resolved = document.resolve(schema);
        if (copy.isObject()) {
            adjust((ObjectNode) copy, resolved, 0);
        } else if (copy.isArray()) {
            adjustAll(copy, resolved.path("items"), 0);
        }
        return copy;
    }

    /** The example's members made fit for a run: unique values, our users, dates the server accepts. */
    private void adjust(ObjectNode object, JsonNode schema, int depth) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            JsonNode memberSchema = document.property(schema, member.getKey());
            String type = OpenApiDocument.type(memberSchema);
            if (member.getValue().isObject() && depth < 8) {
                adjust((ObjectNode) member.getValue(), memberSchema, depth + 1);
            } else if (member.getValue().isArray() && depth < 8) {
                adjustAll(member.getValue(), memberSchema.path("items"), depth + 1);
            } else if (member.getKey().equals("name") && member.getValue().isTextual()) {
                member.setValue(Json.NODES.textNode(member.getValue().asText() + " " + UNIQUE));
            } else if (member.getValue().isTextual() || type.equals("string")) {
                JsonNode replacement = special(member.getKey(), memberSchema);
                if (replacement != null) {
                    member.setValue(replacement);
                }
            }
        }
    }

    private JsonNode adjustAll(JsonNode array, JsonNode itemSchema, int depth) {
        JsonNode resolved = document.resolve(itemSchema);
        for (JsonNode item : array) {
            if (item.isObject()) {
                adjust((ObjectNode) item, resolved, depth + 1);
            }
        }
        return array;
    }

    /** The value a member must have whatever its example says, or null. */
    private JsonNode special(String name, JsonNode schema) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("email")) {
            return Json.NODES.textNode(UNIQUE_EMAIL);
        }
        if (USERS.containsKey(lower)) {
            return Json.NODES.textNode(USERS.get(lower));
        }
        if (lower.equals("validuntil")) {
            return Json.NODES.textNode(serverToday.plusDays(30).toString());
        }
        if (schema.path("format").asText("").equals("date-time")) {
            return Json.NODES.textNode(VALID_INSTANT);
        }
        return null;
    }

    private JsonNode scalar(JsonNode schema, String name, String type) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        switch (type) {
            case "integer" -> {
                long min = schema.path("minimum").asLong(1);
                return Json.NODES.numberNode(Math.max(min, Math.min(1, schema.path("maximum").asLong(1))));
            }
            case "number" -> {
                return Json.NODES.numberNode(schema.path("minimum").decimalValue().max(java.math.BigDecimal.ZERO));
            }
            case "boolean" -> {
                return Json.NODES.booleanNode(false);
            }
            default -> {
            }
        }
        if (schema.has("enum")) {
            return Json.NODES.textNode(schema.get("enum").get(0).asText());
        }
        JsonNode special = special(name == null ? "" : name, schema);
        if (special != null) {
            return special;
        }
        switch (schema.path("format").asText("")) {
            case "date" -> {
                return Json.NODES.textNode(VALID_DATE);
            }
            case "uuid" -> {
                return Json.NODES.textNode("00000000-0000-7000-8000-000000000001");
            }
            default -> {
            }
        }
        if (lower.equals("currency")) {
            return Json.NODES.textNode("EUR");
        }
        if (BadValues.decimalString(lower, schema)) {
            return Json.NODES.textNode("10.00");
        }
        if (lower.contains("website") || lower.contains("url")) {
            return Json.NODES.textNode("https://fuzz.example/page");
        }
        if (lower.contains("phone")) {
            return Json.NODES.textNode("+1 555 0100");
        }
        if (lower.equals("code")) {
            return Json.NODES.textNode("FUZZ");
        }
        if (lower.equals("name")) {
            return Json.NODES.textNode("Fuzz " + UNIQUE);
        }
        return Json.NODES.textNode("Fuzz value");
    }
}
