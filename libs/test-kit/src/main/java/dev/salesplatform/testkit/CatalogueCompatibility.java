package dev.salesplatform.testkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a change of the event catalogue breaks for consumers built against an earlier one. An event
 * type, once released, is a promise: every field a consumer could read is still there, of the same
 * type, never null where it was not, always present where it was, and within the bounds its readers
 * check (DESIGN §8: consumers apply the producer's rules). New types, new fields and tighter bounds
 * are compatible; anything else needs a new version of the type ({@code .v2}) beside the old one.
 */
public final class CatalogueCompatibility {

    private static final List<String> UPPER_BOUNDS = List.of("maxLength", "maximum", "maxItems");
    private static final List<String> LOWER_BOUNDS = List.of("minLength", "minimum", "minItems");

    private final JsonNode released;
    private final JsonNode current;
    private final List<String> breaks = new ArrayList<>();

    private CatalogueCompatibility(JsonNode released, JsonNode current) {
        this.released = released;
        this.current = current;
    }

    /** Each change from {@code released} to {@code current} that breaks a consumer, in plain words. */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        CatalogueCompatibility check = new CatalogueCompatibility(released, current);
        released.path("events").fields().forEachRemaining(e -> check.compareType(e.getKey(), e.getValue()));
        return List.copyOf(check.breaks);
    }

    private void compareType(String type, JsonNode was) {
        JsonNode now = current.path("events").path(type);
        if (now.isMissingNode()) {
            breaks.add(type + ": removed (consumers of the release still read it; keep it beside a new version)");
            return;
        }
        if (!was.path("topic").equals(now.path("topic"))) {
            breaks.add(type + ": moved from topic " + was.path("topic").asText() + " to " + now.path("topic").asText());
        }
        compare(type, resolve(released, was.path("schema")), resolve(current, now.path("schema")));
    }

    private void compare(String at, JsonNode was, JsonNode now) {
        Set<String> wasTypes = types(released, was);
        Set<String> nowTypes = types(current, now);
        Set<String> wasValues = withoutNull(wasTypes);
        Set<String> nowValues = withoutNull(nowTypes);
        if (!wasValues.equals(nowValues)) {
            breaks.add(at + ": retyped from " + wasValues + " to " + nowValues);
            return;
        }
        if (nowTypes.contains("null") && !wasTypes.contains("null")) {
            breaks.add(at + ": may now be null");
        }
        JsonNode wasShape = merged(released, was);
        JsonNode nowShape = merged(current, now);
        compareFormat(at, wasShape, nowShape);
        compareBounds(at, wasShape, nowShape);
        compareEnum(at, wasShape, nowShape);
        if (wasValues.contains("object")) {
            compareProperties(at, wasShape, nowShape);
        }
        if (wasValues.contains("array") && wasShape.has("items")) {
            compare(at + "[]", resolve(released, wasShape.path("items")), resolve(current, nowShape.path("items")));
        }
    }

    private void compareProperties(String at, JsonNode was, JsonNode now) {
        Set<String> wasRequired = strings(was.path("required"));
        Set<String> nowRequired = strings(now.path("required"));
        was.path("properties").fields().forEachRemaining(field -> {
            String path = at + "." + field.getKey();
            JsonNode nowField = now.path("properties").path(field.getKey());
            if (nowField.isMissingNode()) {
                breaks.add(path + ": removed");
                return;
            }
            if (wasRequired.contains(field.getKey()) && !nowRequired.contains(field.getKey())) {
                breaks.add(path + ": no longer always present");
            }
            compare(path, resolve(released, field.getValue()), resolve(current, nowField));
        });
    }

    private void compareFormat(String at, JsonNode was, JsonNode now) {
        for (String keyword : List.of("format", "pattern")) {
            if (was.has(keyword) && !was.path(keyword).equals(now.path(keyword))) {
                breaks.add(at + ": " + keyword + " changed from " + was.path(keyword) + " to "
                        + (now.has(keyword) ? now.path(keyword) : "none"));
            }
        }
    }

    private void compareBounds(String at, JsonNode was, JsonNode now) {
        for (String bound : UPPER_BOUNDS) {
            if (was.has(bound) && (!now.has(bound) || now.path(bound).decimalValue().compareTo(was.path(bound).decimalValue()) > 0)) {
                breaks.add(at + ": " + bound + " raised from " + was.path(bound) + " to " + (now.has(bound) ? now.path(bound) : "none"));
            }
        }
        for (String bound : LOWER_BOUNDS) {
            if (was.has(bound) && (!now.has(bound) || now.path(bound).decimalValue().compareTo(was.path(bound).decimalValue()) < 0)) {
                breaks.add(at + ": " + bound + " lowered from " + was.path(bound) + " to " + (now.has(bound) ? now.path(bound) : "none"));
            }
        }
    }

    /** A value a reader of the release does not know is as breaking as a new type. */
    private void compareEnum(String at, JsonNode was, JsonNode now) {
        if (!was.has("enum")) {
            return;
        }
        Set<String> added = new TreeSet<>(values(now));
        added.removeAll(values(was));
        if (!now.has("enum") || !added.isEmpty()) {
            breaks.add(at + ": values added " + (now.has("enum") ? added : "(any value now)"));
        }
    }

    /** The JSON types a schema allows: its type keyword, its enum's or const's values, or its alternatives'. */
    private static Set<String> types(JsonNode root, JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (schema.has("enum") || schema.has("const")) {
            (schema.has("enum") ? schema.path("enum") : List.of(schema.path("const"))).forEach(v -> types.add(jsonType(v)));
        }
        for (String keyword : List.of("anyOf", "oneOf")) {
            schema.path(keyword).forEach(alternative -> types.addAll(types(root, resolve(root, alternative))));
        }
        schema.path("allOf").forEach(part -> types.addAll(types(root, resolve(root, part))));
        return types;
    }

    /** The schema with its allOf parts and non-null alternatives folded in, for its keywords. */
    private static JsonNode merged(JsonNode root, JsonNode schema) {
        ObjectNode merged = schema.deepCopy();
        List<JsonNode> parts = new ArrayList<>();
        schema.path("allOf").forEach(parts::add);
        for (String keyword : List.of("anyOf", "oneOf")) {
            schema.path(keyword).forEach(alternative -> {
                if (!"null".equals(alternative.path("type").asText())) {
                    parts.add(alternative);
                }
            });
        }
        for (JsonNode part : parts) {
            JsonNode resolved = merged(root, resolve(root, part));
            for (Iterator<Map.Entry<String, JsonNode>> it = resolved.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> keyword = it.next();
                if (!merged.has(keyword.getKey())) {
                    merged.set(keyword.getKey(), keyword.getValue());
                }
            }
        }
        return merged;
    }

    /** The schema a {@code $ref} points to within the same document (sibling keywords kept). */
    private static JsonNode resolve(JsonNode root, JsonNode schema) {
        if (!schema.has("$ref")) {
            return schema;
        }
        String ref = schema.path("$ref").asText();
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("only local $refs are supported: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("$ref " + ref + " points nowhere");
        }
        ObjectNode resolved = resolve(root, target).deepCopy();
        schema.fields().forEachRemaining(keyword -> {
            if (!keyword.getKey().equals("$ref")) {
                resolved.set(keyword.getKey(), keyword.getValue());
            }
        });
        return resolved;
    }

    private static Set<String> withoutNull(Set<String> types) {
        Set<String> values = new TreeSet<>(types);
        values.remove("null");
        return values;
    }

    private static Set<String> values(JsonNode schema) {
        Set<String> values = new LinkedHashSet<>();
        schema.path("enum").forEach(v -> values.add(v.toString()));
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new TreeSet<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings;
    }

    private static String jsonType(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> value.isIntegralNumber() ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case ARRAY -> "array";
            default -> "object";
        };
    }
}
