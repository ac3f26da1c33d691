package dev.salesplatform.kit.database;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.salesplatform.testkit.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A service started before its database: it starts and stays up, reports not ready with the reason,
 * answers its API 503 problem+json meanwhile, and migrates and serves as soon as the database answers.
 */
@QuarkusTest
@TestProfile(DatabaseAwayAtStartTest.Profile.class)
class DatabaseAwayAtStartTest {

    /** A profile of its own: this application starts with the database shut away (see the resource). */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseAwayAtStartResource.class));
        }
    }

    @Test
    void startsWithoutItsDatabaseAndMigratesWhenItAnswers() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> Management.given().when().get("/q/health/ready")
                .then().statusCode(503)
                .body("checks.find { it.name == 'database-migrations' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'database-migrations' }.data.attempts", greaterThan(1))
                .body("checks.find { it.name == 'database-migrations' }.data.reason", not(emptyOrNullString())));
        Management.given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/api/test/schema-probe")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", not(emptyOrNullString()))
                .body("type", equalTo("https://salesplatform.dev/problems/unavailable"));

        DatabaseAwayAtStartResource.gate.open();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Management.given().when().get("/q/health/ready")
                .then().body("checks.find { it.name == 'database-migrations' }.status", equalTo("UP")));
        given().when().get("/api/test/schema-probe").then().statusCode(200).body(equalTo("0"));
    }
}
