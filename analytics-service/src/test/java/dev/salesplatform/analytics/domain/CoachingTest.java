package dev.salesplatform.analytics.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CoachingTest {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID D = UUID.fromString("00000000-0000-0000-0000-00000000000d");

    static BigDecimal d(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    static Coaching.Figure figure(UUID rep, String now, String before, String attainment, String previousAttainment) {
        return new Coaching.Figure(rep, d(now), d(before), d(attainment), d(previousAttainment));
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertNull(Coaching.median(List.of()));
        assertEquals(d("3"), Coaching.median(List.of(d("5"), d("1"), d("3"))));
        assertEquals(d("2.5"), Coaching.median(List.of(d("4"), d("1"), d("3"), d("2"))));
        assertEquals(d("0.95"), Coaching.median(List.of(d("0.9"), d("1.0"))));
    }

    @Test
    void needsSupportWhenWeakInBothPeriods() {
        Map<UUID, Coaching.Signals> signals = Coaching.signals(List.of(
                figure(A, "5", "2", "1.25", null),      // above target and median now
                figure(B, "1", "3", "0.25", "0.75"),    // below target now and before
                figure(C, "3", "0", null, null),        // above the median now (2.5), below it before (1.5)
                figure(D, "2", "1", null, null)));      // below the median now (2.5) and before (1.5)
        assertFalse(signals.get(A).needsSupport());
        assertFalse(signals.get(A).belowTarget());
        assertTrue(signals.get(B).belowTarget());
        assertTrue(signals.get(B).needsSupport());
        assertFalse(signals.get(C).belowMedian());
        assertFalse(signals.get(C).needsSupport());
        assertTrue(signals.get(D).belowMedian());
        assertTrue(signals.get(D).needsSupport());
        assertEquals(d("3"), signals.get(A).trend());
        assertEquals(d("-2"), signals.get(B).trend());
    }

    @Test
    void weakInOnlyOnePeriodIsNotYetASupportCase() {
        Map<UUID, Coaching.Signals> signals = Coaching.signals(List.of(
                figure(A, "1", "9", null, null), figure(B, "9", "1", null, null)));
        assertTrue(signals.get(A).belowMedian());
        assertFalse(signals.get(A).needsSupport());
        assertFalse(signals.get(B).needsSupport());
    }

    @Test
    void withoutFiguresThereIsNoTrendAndNoSignal() {
        Map<UUID, Coaching.Signals> signals = Coaching.signals(List.of(figure(A, null, null, null, null)));
        assertNull(signals.get(A).trend());
        assertFalse(signals.get(A).belowMedian());
        assertFalse(signals.get(A).needsSupport());
    }

    @Test
    void mostImprovedAreTheLargestPositiveRisesTiesById() {
        List<Coaching.Figure> figures = List.of(figure(D, "5", "2", null, null), figure(B, "1", "3", null, null),
                figure(C, "7", "4", null, null), figure(A, "10", "9", null, null), figure(UUID.randomUUID(), "4", null,
                        null, null));
        assertEquals(List.of(C, D, A), Coaching.mostImproved(figures, 3));
        assertEquals(List.of(C, D), Coaching.mostImproved(figures, 2));
    }
}
