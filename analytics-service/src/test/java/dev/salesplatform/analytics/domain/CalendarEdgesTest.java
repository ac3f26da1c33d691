package dev.salesplatform.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * Default periods and rep periods on every day of 2026 to 2029, at the last and the first instant of
 * the day (month ends of every length, 2028-02-29, year ends): always the UTC month holding the instant.
 */
class CalendarEdgesTest {

    @Test
    void theDefaultPeriodIsTheUtcMonthOfNowOnEveryDay() {
        for (LocalDate day = LocalDate.of(2026, 1, 1); day.getYear() < 2030; day = day.plusDays(1)) {
            for (Instant now : new Instant[] {day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                    day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1)}) {
                YearMonth month = YearMonth.from(day);
                Period period = Period.parse(null, null, now);
                assertEquals(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), period.from(), now.toString());
                assertEquals(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), period.to(),
                        now.toString());
                RepPeriod current = RepPeriod.currentMonth(now);
                assertEquals(month.toString(), current.toString(), now.toString());
                assertEquals(month.minusMonths(1).toString(), current.previous().toString(), now.toString());
            }
        }
    }

    @Test
    void quartersAndMonthsStepBackOverYearEnds() {
        assertEquals("2026-Q4", RepPeriod.parse("2027-Q1").previous().toString());
        assertEquals("2027-12", RepPeriod.parse("2028-01").previous().toString());
        assertEquals("2028-02", RepPeriod.parse("2028-03").previous().toString());
        assertEquals(LocalDate.of(2028, 3, 1), RepPeriod.parse("2028-02").end());
        assertEquals(LocalDate.of(2029, 1, 1), RepPeriod.parse("2028-Q4").end());
    }
}
