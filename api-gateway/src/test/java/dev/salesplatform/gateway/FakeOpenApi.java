package dev.salesplatform.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * An OpenAPI document shaped like the ones Quarkus generates for the services: one path per
 * upstream, a {@code Problem} schema identical everywhere, a {@code Money} schema that differs per
 * upstream, and the services' own {@code SecurityScheme} with roles in the requirement.
 */
final class FakeOpenApi {

    private FakeOpenApi() {
    }

    static String pathOf(String upstream) {
        return "/api/v1/" + upstream + "-things";
    }

    static JsonObject of(String upstream) {
        JsonObject operation = new JsonObject()
                .put("tags", new JsonArray().add(upstream + " things"))
                .put("summary", "List " + upstream + " things")
                .put("responses", new JsonObject()
                        .put("200", content("#/components/schemas/Money"))
                        .put("404", content("#/components/schemas/Problem")))
                .put("security", new JsonArray().add(new JsonObject().put("SecurityScheme", new JsonArray().add("sdr"))));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", upstream + "-service").put("version", "1.0"))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "http://" + upstream + ":8080")))
                .put("tags", new JsonArray().add(new JsonObject().put("name", upstream + " things")))
                .put("paths", new JsonObject().put(pathOf(upstream), new JsonObject().put("get", operation)))
                .put("components", new JsonObject()
                        .put("schemas", new JsonObject()
                                .put("Problem", new JsonObject().put("type", "object")
                                        .put("properties", new JsonObject().put("title", new JsonObject().put("type", "string"))))
                                .put("Money", new JsonObject().put("type", "object").put("description", upstream + " money")))
                        .put("securitySchemes", new JsonObject().put("SecurityScheme",
                                new JsonObject().put("type", "http").put("scheme", "bearer"))));
    }

    private static JsonObject content(String ref) {
        return new JsonObject().put("description", "answer").put("content", new JsonObject()
                .put("application/json", new JsonObject().put("schema", new JsonObject().put("$ref", ref))));
    }
}
