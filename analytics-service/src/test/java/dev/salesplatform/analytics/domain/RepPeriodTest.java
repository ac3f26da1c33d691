package dev.salesplatform.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RepPeriodTest {

    @Test
    void monthsAndQuarters() {
        RepPeriod march = RepPeriod.parse("2027-03");
        assertEquals(LocalDate.of(2027, 3, 1), march.start());
        assertEquals(LocalDate.of(2027, 4, 1), march.end());
        assertEquals("2027-02", march.previous().toString());
        assertEquals("2026-12", RepPeriod.parse("2027-01").previous().toString());
        RepPeriod q1 = RepPeriod.parse("2027-Q1");
        assertEquals(LocalDate.of(2027, 1, 1), q1.start());
        assertEquals(LocalDate.of(2027, 4, 1), q1.end());
        assertEquals("2026-Q4", q1.previous().toString());
        assertEquals("2027-Q3", RepPeriod.parse("2027-Q3").toString());
        assertEquals(Instant.parse("2027-07-01T00:00:00Z"), RepPeriod.parse("2027-Q3").asPeriod().from());
        assertEquals("2027-11", RepPeriod.currentMonth(Instant.parse("2027-11-30T23:59:59Z")).toString());
        assertEquals(LocalDate.of(1900, 1, 1), RepPeriod.parse("1900-01").start());
        assertEquals(LocalDate.of(10000, 1, 1), RepPeriod.parse("9999-Q4").end());
    }

    @Test
    void anythingElseIsNull() {
        for (String bad : new String[] {null, "", "2027", "2027-13", "2027-00", "2027-Q5", "2027-Q0", "27-03",
                "2027-3", "2027-q1", "March", "1899-12", "0001-Q1", "10000-01", "+2027-03"}) {
            assertNull(RepPeriod.parse(bad), bad);
        }
    }
}
