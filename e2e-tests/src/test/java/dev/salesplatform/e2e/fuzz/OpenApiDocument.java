package dev.salesplatform.e2e.fuzz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The merged OpenAPI document: its operations under /api/, with their parameters and bodies, $refs resolved. */
public final class OpenApiDocument {

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /** One declared parameter (path, query or header). */
    public record Param(String name, String in, boolean required, JsonNode schema, String description, String example) {
    }

    /** One operation: method and path template, its parameters, and its request body's media types and schemas. */
    public record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies,
                            Map<String, JsonNode> bodyExamples, boolean bodyRequired, Set<String> pathMethods) {

        public String key() {
            return method + " " + path;
        }

        public List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        public boolean hasHeader(String name) {
            return params.stream().anyMatch(p -> p.in().equals("header") && p.name().equalsIgnoreCase(name));
        }
    }

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    public OpenApiDocument(JsonNode root) {
        this.root = root;
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            JsonNode item = path.getValue();
            Set<String> declared = new LinkedHashSet<>();
            item.fieldNames().forEachRemaining(name -> {
                if (METHODS.contains(name)) {
                    declared.add(name.toUpperCase());
                }
            });
            for (String method : declared) {
                operations.add(operation(method, path.getKey(), item, item.path(method.toLowerCase()), declared));
            }
        }
        operations.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
    }

    public List<Operation> operations() {
        return operations;
    }

    private Operation operation(String method, String path, JsonNode item, JsonNode op, Set<String> declared) {
        Map<String, Param> params = new LinkedHashMap<>();
        for (JsonNode source : List.of(item.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : source) {
                JsonNode param = resolve(p);
                String example = param.path("example").isMissingNode() ? null : param.path("example").asText();
                params.put(param.path("in").asText() + ":" + param.path("name").asText(), new Param(
                        param.path("name").asText(), param.path("in").asText(), param.path("required").asBoolean(false),
                        resolve(param.path("schema")), param.path("description").asText(""), example));
            }
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        JsonNode body = resolve(op.path("requestBody"));
        body.path("content").properties().forEach(media -> {
            bodies.put(media.getKey(), resolve(media.getValue().path("schema")));
            JsonNode example = media.getValue().path("example");
            if (!example.isMissingNode()) {
                examples.put(media.getKey(), example);
            }
        });
        return new Operation(method, path, List.copyOf(params.values()), bodies, examples,
                body.path("required").asBoolean(false), declared);
    }

    /**
     * The schema with its $ref followed (recursively) and allOf merged; the siblings of a $ref
     * (description, a narrower type) win over the target's members.
     */
    public JsonNode resolve(JsonNode schema) {
        return resolve(schema, 0);
    }

    private JsonNode resolve(JsonNode schema, int depth) {
        if (schema == null || schema.isMissingNode() || !schema.isObject() || depth > 32) {
            return schema == null ? Json.NODES.missingNode() : schema;
        }
        ObjectNode result = Json.object();
        if (schema.has("$ref")) {
            JsonNode target = resolve(pointer(schema.get("$ref").asText()), depth + 1);
            if (target.isObject()) {
                result.setAll((ObjectNode) target);
            }
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                JsonNode resolved = resolve(part, depth + 1);
                if (resolved.isObject()) {
                    mergeInto(result, (ObjectNode) resolved);
                }
            }
        }
        schema.properties().forEach(field -> {
            if (!field.getKey().equals("$ref") && !field.getKey().equals("allOf")) {
                result.set(field.getKey(), field.getValue());
            }
        });
        if (!result.has("type") && (result.has("oneOf") || result.has("anyOf"))) {
            JsonNode first = result.has("oneOf") ? result.get("oneOf").path(0) : result.get("anyOf").path(0);
            JsonNode resolved = resolve(first, depth + 1);
            if (resolved.isObject()) {
                mergeInto(result, (ObjectNode) resolved);
            }
        }
        return result;
    }

    private static void mergeInto(ObjectNode target, ObjectNode part) {
        part.properties().forEach(field -> {
            if (field.getKey().equals("properties") && target.has("properties")) {
                ((ObjectNode) target.get("properties")).setAll((ObjectNode) field.getValue());
            } else if (field.getKey().equals("required") && target.has("required")) {
                ((ArrayNode) target.get("required")).addAll((ArrayNode) field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        });
    }

    private JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return Json.NODES.missingNode();
        }
        return root.at(ref.substring(1));
    }

    /** The schema of a property (resolved), or a missing node. */
    public JsonNode property(JsonNode objectSchema, String name) {
        return resolve(objectSchema.path("properties").path(name));
    }

    /** The schema's type: its "type", else object when it has properties, else string when it has an enum. */
    public static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        if (type.isArray() && !type.isEmpty()) {
            for (JsonNode t : type) {
                if (!t.asText().equals("null")) {
                    return t.asText();
                }
            }
        }
        if (schema.has("properties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    /** The first of the schema's examples, or null. */
    public static JsonNode example(JsonNode schema) {
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        return null;
    }
}
