package dev.salesplatform.gateway.proxy;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The breaker of one upstream. CLOSED lets everything through and counts consecutive connection
 * failures and timeouts; at the threshold it turns OPEN, which refuses every request until the open
 * time has passed; then HALF_OPEN lets exactly one trial request through: its success closes the
 * breaker, its failure opens it again. Any answer from the upstream, even a 5xx, is a success here:
 * the breaker is about reachability, not correctness.
 *
 * <p>Written here rather than taken from SmallRye Fault Tolerance because the proxy's calls are
 * callbacks, not methods to wrap, and a rolling-window breaker gives no time until it closes for
 * {@code Retry-After}. Thread-safe: several event loops share one breaker.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED, OPEN, HALF_OPEN
    }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier nanoTime;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private long openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int failureThreshold, Duration openDuration, LongSupplier nanoTime) {
        if (failureThreshold < 1 || openDuration.isNegative() || openDuration.isZero()) {
            throw new IllegalArgumentException("Circuit breaker needs a threshold >= 1 and a positive open duration");
        }
        this.failureThreshold = failureThreshold;
        this.openNanos = openDuration.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Whether a request may go to the upstream now; every permitted request must report its outcome. */
    public synchronized boolean tryAcquire() {
        advance();
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (trialInFlight) {
                    yield false;
                }
                trialInFlight = true;
                yield true;
            }
        };
    }

    /** The upstream answered. */
    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        if (state == State.HALF_OPEN) {
            state = State.CLOSED;
        }
    }

    /** The upstream could not be reached or did not answer in time. */
    public synchronized void onFailure() {
        switch (state) {
            case CLOSED -> {
                if (++consecutiveFailures >= failureThreshold) {
                    open();
                }
            }
            case HALF_OPEN -> open();
            case OPEN -> {
                // A request sent before the breaker opened; the open time already runs.
            }
        }
    }

    /**
     * The request ended without saying anything about the upstream (the client went away, the body
     * was too large): a trial request frees its place for the next one.
     */
    public synchronized void onIgnored() {
        if (state == State.HALF_OPEN) {
            trialInFlight = false;
        }
    }

    public synchronized State state() {
        advance();
        return state;
    }

    /** Whole seconds until a refused request is worth retrying, at least 1. */
    public synchronized long retryAfterSeconds() {
        if (state != State.OPEN) {
            return 1;
        }
        long remaining = openNanos - (nanoTime.getAsLong() - openedAt);
        return Math.max(1, (remaining + 999_999_999) / 1_000_000_000);
    }

    private void advance() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= openNanos) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
    }

    private void open() {
        state = State.OPEN;
        openedAt = nanoTime.getAsLong();
        consecutiveFailures = 0;
        trialInFlight = false;
    }
}
