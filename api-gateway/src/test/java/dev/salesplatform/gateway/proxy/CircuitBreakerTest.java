package dev.salesplatform.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.salesplatform.gateway.proxy.CircuitBreaker.State;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailuresAndRefusesUntilTheOpenTimeHasPassed() {
        fail(3);

        assertEquals(State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
        assertEquals(10, breaker.retryAfterSeconds());
        advance(Duration.ofMillis(9_100));
        assertFalse(breaker.tryAcquire());
        assertEquals(1, breaker.retryAfterSeconds());
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
        fail(2);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        fail(2);

        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void halfOpenLetsExactlyOneTrialThroughAndItsSuccessCloses() {
        fail(3);
        advance(Duration.ofSeconds(10));

        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire());
        breaker.onSuccess();

        assertEquals(State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedTrialOpensAgainForTheWholeOpenTime() {
        fail(3);
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
        breaker.onFailure();

        assertEquals(State.OPEN, breaker.state());
        assertEquals(10, breaker.retryAfterSeconds());
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aTrialThatSaysNothingAboutTheUpstreamFreesItsPlace() {
        fail(3);
        advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());
        breaker.onIgnored();

        assertEquals(State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void lateFailuresOfRequestsSentBeforeOpeningDoNotExtendTheOpenTime() {
        fail(3);
        advance(Duration.ofSeconds(4));
        breaker.onFailure();

        assertEquals(6, breaker.retryAfterSeconds());
    }

    @Test
    void rejectsAMeaninglessConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(0, Duration.ofSeconds(1), now::get));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(1, Duration.ZERO, now::get));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
