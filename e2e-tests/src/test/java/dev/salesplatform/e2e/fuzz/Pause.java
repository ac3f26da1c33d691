package dev.salesplatform.e2e.fuzz;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Waiting out a time the server asked for (Retry-After, a rate-limit bucket's refill). This is not
 * synchronisation on state (that polls with a deadline): the server said when to come back.
 */
final class Pause {

    private Pause() {
    }

    static void waitOut(Duration asked, Duration longest) {
        Duration wait = asked.compareTo(longest) > 0 ? longest : asked;
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting out " + asked);
            }
        }
    }
}
