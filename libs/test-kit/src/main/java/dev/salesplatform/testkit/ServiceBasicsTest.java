package dev.salesplatform.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What every service owes its operators and callers, whatever its domain: readiness with its
 * dependencies, an OpenAPI document that names each operation's roles and errors, metrics, and
 * problem+json for a path that does not exist.
 * Extend it in a {@code @QuarkusTest} of the service.
 */
public abstract class ServiceBasicsTest {

    /** Types of the code that leak into a document when a field is not described as the API means it. */
    private static final Set<String> JAVA_NAMES = Set.of("JsonNode", "JsonNodeType", "ObjectNode", "ArrayNode",
            "Object", "Map", "BigDecimal", "OffsetDateTime", "Optional", "Uni", "Response");

    @Test
    void readyWithDatabaseAndRelay() {
        Management.given().when().get("/q/health/ready")
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

    /**
     * Every operation has an {@code operationId} a frontend developer would write as a method name
     * ({@code createLead}, {@code listRenewals}), and every schema a name they would write by hand:
     * generated clients take both as they are.
     */
    @Test
    void everyOperationAndSchemaIsNamedForAClient() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json")
                .when().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> unnamed = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (!path.getKey().startsWith("/api/") || !operation.getValue().isObject()) {
                return;
            }
            String id = operation.getValue().path("operationId").asText();
            if (!id.matches("[a-z]+[A-Z][A-Za-z]*")) {
                unnamed.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": operationId '" + id + "'");
            } else if (ids.contains(id)) {
                unnamed.add(operation.getKey().toUpperCase() + " " + path.getKey() + ": operationId " + id + " twice");
            }
            ids.add(id);
        }));
        document.path("components").path("schemas").fieldNames().forEachRemaining(name -> {
            if (JAVA_NAMES.contains(name)) {
                unnamed.add("schema " + name + ": a Java or Jackson type, not the API's own");
            } else if (!name.matches("[A-Z][a-z]+(?:[A-Z][a-z]+|[0-9]+[A-Z][a-z]+)*")) {
                unnamed.add("schema " + name + ": not words (a numeric suffix, an abbreviation or a Java name)");
            }
        });
        assertEquals(List.of(), unnamed);
    }

    /** The layering rules of DESIGN.md hold for this service's classes. */
    @Test
    void keepsTheLayeringRules() {
        String root = getClass().getPackageName().replaceFirst("^(dev\\.salesplatform\\.[a-z]+).*", "$1");
        LayerRules.checkService(root);
    }

    @Test
    void servesPrometheusMetrics() {
        Management.given().when().get("/q/metrics").then().statusCode(200);
    }

    /** Probes and Prometheus use the management port; the API port, which the gateway routes to, serves neither. */
    @ParameterizedTest
    @ValueSource(strings = { "/q/health", "/q/health/ready", "/q/health/live", "/q/health/started", "/q/metrics" })
    void apiPortServesNoHealthOrMetrics(String path) {
        given().when().get(path).then().statusCode(404);
        Management.given().when().get(path).then().statusCode(200);
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
