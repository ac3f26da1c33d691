package dev.salesplatform.deal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StalePolicyTest {

    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    static final StalePolicy POLICY = new StalePolicy(Map.of("DEMO", Duration.ofDays(10),
            "NEGOTIATION", Duration.ofDays(21)), Duration.ofDays(14));

    @Test
    void eachStageHasItsLimitAndOthersTheDefault() {
        assertEquals(Duration.ofDays(10), POLICY.limitFor("DEMO"));
        assertEquals(Duration.ofDays(21), POLICY.limitFor("NEGOTIATION"));
        assertEquals(Duration.ofDays(14), POLICY.limitFor("PILOT"));
    }

    @Test
    void aDealIsStaleOnlyAfterItsStagesLimit() {
        assertTrue(POLICY.isStale("DEMO", NOW.minus(Duration.ofDays(11)), NOW));
        assertFalse(POLICY.isStale("DEMO", NOW.minus(Duration.ofDays(10)), NOW));
        assertFalse(POLICY.isStale("NEGOTIATION", NOW.minus(Duration.ofDays(15)), NOW));
        assertTrue(POLICY.isStale("PILOT", NOW.minus(Duration.ofDays(15)), NOW));
        assertFalse(POLICY.isStale("PILOT", NOW.minus(Duration.ofDays(13)), NOW));
    }

    @Test
    void cutoffsAreNowMinusTheLimits() {
        assertEquals(Map.of("DEMO", NOW.minus(Duration.ofDays(10)), "NEGOTIATION", NOW.minus(Duration.ofDays(21))),
                POLICY.cutoffs(NOW));
        assertEquals(NOW.minus(Duration.ofDays(14)), POLICY.otherwiseCutoff(NOW));
    }

    @Test
    void negativeLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StalePolicy(Map.of(), Duration.ofDays(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> new StalePolicy(Map.of("DEMO", Duration.ofDays(-1)), Duration.ofDays(14)));
        assertThrows(IllegalArgumentException.class, () -> new StalePolicy(Map.of(), null));
    }
}
