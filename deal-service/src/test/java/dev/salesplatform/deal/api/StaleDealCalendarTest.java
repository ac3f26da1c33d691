package dev.salesplatform.deal.api;

import static dev.salesplatform.deal.api.DealApi.ae;
import static dev.salesplatform.deal.api.DealApi.create;
import static dev.salesplatform.deal.api.DealApi.dealJson;
import static dev.salesplatform.deal.api.DealApi.get;
import static dev.salesplatform.deal.api.DealApi.stage;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A deal turns stale after its stage's limit (DEMO 10 days) by the service's clock, across a month end,
 * the leap day and a year end: not a second before.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class StaleDealCalendarTest {

    static final Duration DEMO_LIMIT = Duration.ofDays(10);

    @Inject
    TestClock clock;

    @AfterEach
    void backToTheSystemClock() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2028-02-25T12:00:00Z", "2026-01-28T23:59:00Z", "2026-12-27T08:00:00Z"})
    void aDealIsStaleOnlyOnceItsStagesLimitHasPassed(String entered) {
        UUID owner = UUID.randomUUID();
        String token = ae(owner);
        clock.pin(Instant.parse(entered));
        String id = create(token, dealJson("Stale " + UUID.randomUUID()));
        stage(token, id, "DEMO").statusCode(200);

        clock.pin(Instant.parse(entered).plus(DEMO_LIMIT).minusSeconds(5));
        get(token, "/api/v1/deals?stale=true&owner=" + owner).statusCode(200).body("items.id", equalTo(List.of()));
        clock.pin(Instant.parse(entered).plus(DEMO_LIMIT).plusSeconds(5));
        get(token, "/api/v1/deals?stale=true&owner=" + owner).statusCode(200).body("items.id", equalTo(List.of(id)));
    }
}
