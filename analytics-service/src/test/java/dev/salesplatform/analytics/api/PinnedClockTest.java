package dev.salesplatform.analytics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import dev.salesplatform.testkit.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The reads' default period is the month of the service's clock, also on a month end, leap day and year end. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class PinnedClockTest {

    static final String MANAGER = TestTokens.bearer(UUID.randomUUID(), "sales-manager");

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    @ParameterizedTest
    @CsvSource({"2028-02-29T23:59:59.999Z, 2028-02, 2028-01, 2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
            "2026-12-31T23:59:59Z, 2026-12, 2026-11, 2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z",
            "2027-01-01T00:00:00Z, 2027-01, 2026-12, 2027-01-01T00:00:00Z, 2027-02-01T00:00:00Z"})
    void withoutAPeriodReadsTakeTheClocksMonth(String now, String month, String previous, String from, String to) {
        clock.freeze(Instant.parse(now));
        given().header("Authorization", MANAGER).when().get("/api/v1/analytics/reps").then().statusCode(200)
                .body("period", equalTo(month)).body("previousPeriod", equalTo(previous));
        given().header("Authorization", MANAGER).when().get("/api/v1/analytics/funnel").then().statusCode(200)
                .body("from", equalTo(from)).body("to", equalTo(to));
    }
}
