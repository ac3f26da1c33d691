package dev.salesplatform.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class PeriodTest {

    static final Instant NOW = Instant.parse("2026-11-29T22:00:00Z");

    @Test
    void defaultsToTheCurrentUtcMonth() {
        Period period = Period.parse(null, null, NOW);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), period.from());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), period.to());
    }

    @Test
    void datesMeanMidnightUtcAndInstantsAreExact() {
        Period period = Period.parse("2026-01-01", "2026-01-02T12:30:00Z", NOW);
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"), period.from());
        assertEquals(Instant.parse("2026-01-02T12:30:00Z"), period.to());
    }

    @Test
    void isHalfOpen() {
        Period period = Period.parse("2026-01-01", "2026-01-02", NOW);
        assertTrue(period.contains(Instant.parse("2026-01-01T00:00:00Z")));
        assertTrue(period.contains(Instant.parse("2026-01-01T23:59:59.999999Z")));
        assertFalse(period.contains(Instant.parse("2026-01-02T00:00:00Z")));
        assertFalse(period.contains(Instant.parse("2025-12-31T23:59:59.999999Z")));
    }

    @Test
    void rejectsMalformedAndEmptyPeriods() {
        assertThrows(IllegalArgumentException.class, () -> Period.parse("yesterday", null, NOW));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-13-01", null, NOW));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-02-01", "2026-01-01", NOW));
        assertThrows(IllegalArgumentException.class, () -> Period.parse("2026-01-01", "2026-01-01", NOW));
    }
}
