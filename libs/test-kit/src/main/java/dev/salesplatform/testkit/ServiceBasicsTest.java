package dev.salesplatform.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service owes its operators and callers, whatever its domain: readiness with its
 * dependencies, an OpenAPI document that names each operation's roles and errors, metrics, and
 * problem+json for a path that does not exist.
 * Extend it in a {@code @QuarkusTest} of the service.
 */
public abstract class ServiceBasicsTest {

    @Test
    void readyWithDatabaseAndRelay() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("outbox-relay"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", startsWith("3."))
                .body("components.securitySchemes.SecurityScheme.type", equalTo("http"));
    }

    /**
     * Every API operation says who may call it and documents its error answers as problems; every POST
     * takes an Idempotency-Key (DESIGN §4).
     */
    @Test
    void everyOperationDocumentsItsRolesAndErrors() throws Exception {
        String json = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper().readTree(json).path("paths");
        List<String> undocumented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fields().forEachRemaining(operation -> {
            JsonNode op = operation.getValue();
            String name = operation.getKey().toUpperCase() + " " + path;
            if (!path.startsWith("/api/") || !op.isObject()) {
                return;
            }
            if (op.path("summary").asText().isBlank() || !op.path("description").asText().contains("Roles")) {
                undocumented.add(name + ": summary and roles");
            }
            for (String status : List.of("401", "403")) {
                if (!op.path("responses").has(status)) {
                    undocumented.add(name + ": " + status);
                }
            }
            boolean takesKey = false;
            for (JsonNode parameter : op.path("parameters")) {
                takesKey |= "header".equals(parameter.path("in").asText()) && "Idempotency-Key".equals(parameter.path("name").asText());
            }
            // A dead letter is redelivered at most once and a repeat answers its state: idempotent by itself.
            if (operation.getKey().equals("post") && !takesKey && !path.contains("/dead-letters/")) {
                undocumented.add(name + ": Idempotency-Key");
            }
            boolean takesInput = op.has("requestBody") || op.path("parameters").size() > 0;
            if (takesInput && !op.path("responses").has("400")) {
                undocumented.add(name + ": 400");
            }
        }));
        assertEquals(List.of(), undocumented);
    }

    @Test
    void servesPrometheusMetrics() {
        given().when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void unknownPathIsProblemJson() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }
}
