package dev.salesplatform.customersuccess.api;

import static dev.salesplatform.customersuccess.api.CustomerApi.company;
import static dev.salesplatform.customersuccess.api.CustomerApi.get;
import static dev.salesplatform.customersuccess.api.CustomerApi.manager;
import static dev.salesplatform.customersuccess.api.CustomerApi.onboard;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.salesplatform.customersuccess.service.CustomerJobs;
import dev.salesplatform.testkit.PlatformTestResource;
import dev.salesplatform.testkit.TestClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service on a month end, the leap day and a year end, its clock pinned there: a contract ending
 * in 30 days is imminent and one ending in 31 approaching; a renewal opens 90 days before the end, not
 * 91, at onboarding and by the daily scan.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class CalendarEdgesServiceTest {

    @Inject
    TestClock clock;

    @Inject
    CustomerJobs jobs;

    @AfterEach
    void backToTheSuitesDay() {
        clock.reset();
    }

    /** The start of a 12-month contract that ends {@code days} after today. */
    static LocalDate startEndingIn(LocalDate today, int days) {
        LocalDate end = today.plusDays(days);
        LocalDate start = end.minusMonths(12);
        // Holds for every end but a 29 February, which no day of this test reaches.
        assertEquals(end, start.plusMonths(12), "a 12-month contract can end on " + end);
        return start;
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-31", "2026-02-28", "2026-03-31", "2028-02-29", "2026-12-31", "2026-12-01"})
    void renewalThresholdsHoldOnCalendarEdges(String day) throws Throwable {
        LocalDate today = LocalDate.parse(day);
        clock.pin(today);

        String imminent = onboard(company("Edge30 " + day), startEndingIn(today, 30), 12, "10.00");
        get(manager(), "/api/v1/customers/" + imminent).statusCode(200)
                .body("health.reasons.code", hasItem("RENEWAL_IMMINENT"))
                .body("nextRenewalDate", equalTo(today.plusDays(30).toString()));
        String approaching = onboard(company("Edge31 " + day), startEndingIn(today, 31), 12, "10.00");
        get(manager(), "/api/v1/customers/" + approaching).statusCode(200)
                .body("health.reasons.code", hasItem("RENEWAL_APPROACHING"));

        String ninety = onboard(company("Edge90 " + day), startEndingIn(today, 90), 12, "10.00");
        get(manager(), "/api/v1/renewals?customer=" + ninety).statusCode(200).body("items", hasSize(1));
        String ninetyOne = onboard(company("Edge91 " + day), startEndingIn(today, 91), 12, "10.00");
        get(manager(), "/api/v1/renewals?customer=" + ninetyOne).statusCode(200).body("items", hasSize(0));
        // The next day's scan opens it.
        clock.pin(today.plusDays(1));
        jobs.openDueRenewals(today.plusDays(1));
        get(manager(), "/api/v1/renewals?customer=" + ninetyOne).statusCode(200).body("items", hasSize(1))
                .body("items[0].dueDate", equalTo(today.plusDays(91).toString()));
    }
}
