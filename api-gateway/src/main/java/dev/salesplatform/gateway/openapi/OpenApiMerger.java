package dev.salesplatform.gateway.openapi;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Merges the upstreams' OpenAPI documents into the gateway's one: their paths and tags; their
 * components, where a name that means the same everywhere (an identical {@code Problem}) is kept once
 * and a name that differs between upstreams ({@code Money}) is prefixed with each upstream's name,
 * references included; their operationIds, unique across the document (a later upstream's clashing
 * one is prefixed with its name, {@code dealListHistory}); their security replaced by the gateway's
 * OAuth2 (authorization code with PKCE against Keycloak) and bearer JWT schemes; servers pointing at
 * the gateway.
 */
public final class OpenApiMerger {

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);

    static final String OAUTH2 = "oauth2";
    static final String BEARER = "bearer";

    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String COMPONENTS_REF = "#/components/";

    private final String title;
    private final String version;
    private final String serverUrl;
    private final URI realmUrl;

    public OpenApiMerger(String title, String version, String serverUrl, URI realmUrl) {
        this.title = title;
        this.version = version;
        this.serverUrl = serverUrl;
        this.realmUrl = realmUrl;
    }

    /** Merges the documents at hand; {@code missing} names the upstreams whose document is not. */
    public JsonObject merge(Map<String, JsonObject> documents, List<String> missing) {
        Map<String, Map<String, String>> renames = renamesOfClashingComponents(documents);
        JsonObject paths = new JsonObject();
        Map<String, String> pathOwners = new HashMap<>();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        Map<String, JsonObject> components = new LinkedHashMap<>();
        String openapiVersion = "3.0.3";
        for (Map.Entry<String, JsonObject> entry : documents.entrySet()) {
            String upstream = entry.getKey();
            JsonObject document = (JsonObject) rewriteRefs(entry.getValue().copy(), renames.get(upstream));
            openapiVersion = document.getString("openapi", openapiVersion);
            document.getJsonObject("paths", new JsonObject()).forEach(path -> {
                JsonObject item = (JsonObject) path.getValue();
                useGatewaySecurity(item);
                if (!paths.containsKey(path.getKey())) {
                    paths.put(path.getKey(), item);
                    pathOwners.put(path.getKey(), upstream);
                }
            });
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                JsonObject named = (JsonObject) tag;
                tags.putIfAbsent(named.getString("name"), named);
            });
            document.getJsonObject("components", new JsonObject()).forEach(type -> {
                if (!type.getKey().equals("securitySchemes")) {
                    JsonObject merged = components.computeIfAbsent(type.getKey(), key -> new JsonObject());
                    ((JsonObject) type.getValue()).forEach(component -> {
                        String ref = refOf(type.getKey(), component.getKey());
                        merged.put(nameOf(renames.get(upstream).getOrDefault(ref, ref)), component.getValue());
                    });
                }
            });
        }
        makeOperationIdsUnique(paths, pathOwners);
        JsonObject componentsJson = new JsonObject();
        components.forEach(componentsJson::put);
        componentsJson.put("securitySchemes", securitySchemes());
        String description = "All services of the sales platform behind the gateway: " + String.join(", ", documents.keySet())
                + (missing.isEmpty() ? "." : ". Not reachable right now, so not included: " + String.join(", ", missing) + ".");
        return new JsonObject()
                .put("openapi", openapiVersion)
                .put("info", new JsonObject().put("title", title).put("version", version).put("description", description))
                .put("servers", new JsonArray().add(new JsonObject().put("url", serverUrl)))
                .put("security", gatewaySecurity())
                .put("tags", new JsonArray(List.copyOf(tags.values())))
                .put("paths", paths)
                .put("components", componentsJson);
    }

    /** Per upstream: the references to rename, e.g. {@code #/components/schemas/Money} to {@code ...LeadMoney}. */
    private static Map<String, Map<String, String>> renamesOfClashingComponents(Map<String, JsonObject> documents) {
        Map<String, Map<String, Object>> variantsByRef = new HashMap<>();
        documents.forEach((upstream, document) -> document.getJsonObject("components", new JsonObject()).forEach(type -> {
            if (type.getValue() instanceof JsonObject byName) {
                byName.forEach(component -> variantsByRef
                        .computeIfAbsent(refOf(type.getKey(), component.getKey()), ref -> new LinkedHashMap<>())
                        .put(upstream, component.getValue()));
            }
        }));
        Map<String, Map<String, String>> renames = new HashMap<>();
        documents.keySet().forEach(upstream -> renames.put(upstream, new HashMap<>()));
        variantsByRef.forEach((ref, variants) -> {
            if (variants.values().stream().distinct().count() > 1) {
                String typeRef = ref.substring(0, ref.lastIndexOf('/') + 1);
                variants.keySet().forEach(upstream -> renames.get(upstream)
                        .put(ref, typeRef + pascalCase(upstream) + nameOf(ref)));
            }
        });
        return renames;
    }

    /**
     * The first operation (in upstream order) keeps its operationId; a later one with the same id
     * gets its upstream's name in front ({@code listHistory} of deal becomes {@code dealListHistory}),
     * since generated clients name their methods after it and one name may stand for one method only.
     * A number is appended only if even that name is taken. An operation without an id stays so.
     */
    private static void makeOperationIdsUnique(JsonObject paths, Map<String, String> pathOwners) {
        Set<String> declared = new HashSet<>();
        forEachOperation(paths, (path, method, operation) -> {
            if (operation.getValue("operationId") instanceof String id && !id.isBlank()) {
                declared.add(id);
            }
        });
        Map<String, String> users = new HashMap<>();
        forEachOperation(paths, (path, method, operation) -> {
            if (!(operation.getValue("operationId") instanceof String id) || id.isBlank()) {
                return;
            }
            String where = method.toUpperCase() + " " + path + " of " + pathOwners.get(path);
            String firstUser = users.putIfAbsent(id, where);
            if (firstUser == null) {
                return;
            }
            String prefixed = camelCase(pathOwners.get(path)) + Character.toUpperCase(id.charAt(0)) + id.substring(1);
            String unique = prefixed;
            for (int n = 2; users.containsKey(unique) || declared.contains(unique); n++) {
                unique = prefixed + n;
            }
            users.put(unique, where);
            operation.put("operationId", unique);
            LOG.warnf("operationId %s of %s is already the one of %s: renamed to %s", id, where, firstUser, unique);
        });
    }

    private interface OperationVisitor {
        void visit(String path, String method, JsonObject operation);
    }

    private static void forEachOperation(JsonObject paths, OperationVisitor visitor) {
        paths.forEach(path -> {
            if (path.getValue() instanceof JsonObject item) {
                item.forEach(operation -> {
                    if (OPERATIONS.contains(operation.getKey()) && operation.getValue() instanceof JsonObject details) {
                        visitor.visit(path.getKey(), operation.getKey(), details);
                    }
                });
            }
        });
    }

    private static Object rewriteRefs(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            for (String field : List.copyOf(object.fieldNames())) {
                Object value = object.getValue(field);
                if (field.equals("$ref") && value instanceof String ref) {
                    object.put(field, renames.getOrDefault(ref, ref));
                } else {
                    rewriteRefs(value, renames);
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                rewriteRefs(array.getValue(i), renames);
            }
        }
        return node;
    }

    /** The services' own scheme names mean nothing here; an operation open to all ({@code []}) stays open. */
    private static void useGatewaySecurity(JsonObject pathItem) {
        pathItem.forEach(operation -> {
            if (OPERATIONS.contains(operation.getKey()) && operation.getValue() instanceof JsonObject details) {
                JsonArray security = details.getJsonArray("security");
                if (security != null && !security.isEmpty()) {
                    details.put("security", gatewaySecurity());
                }
            }
        });
    }

    private static JsonArray gatewaySecurity() {
        return new JsonArray()
                .add(new JsonObject().put(OAUTH2, new JsonArray()))
                .add(new JsonObject().put(BEARER, new JsonArray()));
    }

    private JsonObject securitySchemes() {
        String realm = realmUrl.toString().replaceFirst("/$", "");
        return new JsonObject()
                .put(OAUTH2, new JsonObject()
                        .put("type", "oauth2")
                        .put("description", "Keycloak login (authorization code with PKCE, client sales-frontend)")
                        .put("flows", new JsonObject().put("authorizationCode", new JsonObject()
                                .put("authorizationUrl", realm + "/protocol/openid-connect/auth")
                                .put("tokenUrl", realm + "/protocol/openid-connect/token")
                                .put("scopes", new JsonObject().put("openid", "The user's identity and roles")))))
                .put(BEARER, new JsonObject()
                        .put("type", "http")
                        .put("scheme", "bearer")
                        .put("bearerFormat", "JWT")
                        .put("description", "A Keycloak access token of realm sales"));
    }

    private static String refOf(String type, String name) {
        return COMPONENTS_REF + type + "/" + name;
    }

    private static String nameOf(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String camelCase(String name) {
        String pascal = pascalCase(name);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    private static String pascalCase(String name) {
        StringBuilder result = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                result.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return result.toString();
    }
}
