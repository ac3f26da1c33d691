package dev.salesplatform.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

/**
 * What every service owes its operators and callers, whatever its domain: readiness with its
 * dependencies, an OpenAPI document, metrics, and problem+json for a path that does not exist.
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
