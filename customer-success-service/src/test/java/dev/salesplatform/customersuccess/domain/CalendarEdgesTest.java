package dev.salesplatform.customersuccess.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The date rules on every day of 2026 to 2029 (month ends of every length, the leap day 2028-02-29,
 * year ends): they count days, so no month length or year end moves a threshold.
 */
class CalendarEdgesTest {

    static final LocalDate FIRST = LocalDate.of(2026, 1, 1);
    static final LocalDate LAST = LocalDate.of(2029, 12, 31);

    static List<String> renewalCodes(LocalDate today, LocalDate due) {
        return HealthScore.of(new HealthScore.Input(today, today, 9, List.of(), today, due, List.of())).reasons()
                .stream().map(HealthScore.Reason::code).filter(code -> code.startsWith("RENEWAL")).toList();
    }

    @Test
    void theRenewalFactorCountsDaysOnEveryDay() {
        for (LocalDate today = FIRST; !today.isAfter(LAST); today = today.plusDays(1)) {
            assertEquals(List.of("RENEWAL_OVERDUE"), renewalCodes(today, today), today.toString());
            assertEquals(List.of("RENEWAL_IMMINENT"), renewalCodes(today, today.plusDays(1)), today.toString());
            assertEquals(List.of("RENEWAL_IMMINENT"), renewalCodes(today, today.plusDays(30)), today.toString());
            assertEquals(List.of("RENEWAL_APPROACHING"), renewalCodes(today, today.plusDays(31)), today.toString());
            assertEquals(List.of("RENEWAL_APPROACHING"), renewalCodes(today, today.plusDays(60)), today.toString());
            assertEquals(List.of(), renewalCodes(today, today.plusDays(61)), today.toString());
        }
    }

    @Test
    void aRenewalOpensExactlyItsDaysBeforeTheEndOnEveryDay() {
        for (LocalDate today = FIRST; !today.isAfter(LAST); today = today.plusDays(1)) {
            assertTrue(ContractTerm.renewalDue(today.plusDays(90), 90, today), today.toString());
            assertFalse(ContractTerm.renewalDue(today.plusDays(91), 90, today), today.toString());
        }
    }

    @Test
    void checkInsAndContractionsCountForNinetyDaysBackOnEveryDay() {
        for (LocalDate today = FIRST; !today.isAfter(LAST); today = today.plusDays(1)) {
            assertTrue(HealthScore.inWindow(today.minusDays(HealthScore.WINDOW_DAYS), today), today.toString());
            assertFalse(HealthScore.inWindow(today.minusDays(HealthScore.WINDOW_DAYS + 1), today), today.toString());
            assertFalse(HealthScore.inWindow(today.plusDays(1), today), today.toString());
        }
    }

    @Test
    void aTermEndsOnTheSameDayOfTheMonthOrTheMonthsLastDay() {
        assertEquals(LocalDate.of(2028, 2, 29), ContractTerm.endDate(LocalDate.of(2027, 11, 30), 3));
        assertEquals(LocalDate.of(2027, 2, 28), ContractTerm.endDate(LocalDate.of(2026, 1, 31), 13));
        assertEquals(LocalDate.of(2029, 2, 28), ContractTerm.endDate(LocalDate.of(2028, 2, 29), 12));
        assertEquals(LocalDate.of(2027, 1, 1), ContractTerm.endDate(LocalDate.of(2026, 1, 1), 12));
    }
}
