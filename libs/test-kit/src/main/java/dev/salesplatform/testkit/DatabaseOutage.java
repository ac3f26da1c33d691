package dev.salesplatform.testkit;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

/**
 * PostgreSQL away for a while, as in an outage: stopped (sessions end, new connections are refused),
 * then started again with its data. The outage lasts {@link #LENGTH}, long enough for a consumer to go
 * through its retries and backoff many times over.
 */
public final class DatabaseOutage {

    /** How long the database stays away ({@code -Dsalesplatform.test.outage-seconds}, default 30). */
    public static final Duration LENGTH = Duration.ofSeconds(Long.getLong("salesplatform.test.outage-seconds", 30));

    private DatabaseOutage() {
    }

    /**
     * Stops PostgreSQL, runs {@code whileDown} (e.g. sends the events that must wait), then checks
     * until {@link #LENGTH} has passed that readiness reports {@code consumer} as waiting the whole
     * time (it retries; it neither gives up nor dead-letters), and starts the database again.
     * Answers {@link System#nanoTime()} at the restart, for {@link #since}.
     */
    public static long of(String consumer, Runnable whileDown) {
        long stopped = System.nanoTime();
        PlatformTestResource.stopPostgres();
        try {
            whileDown.run();
            await().atMost(LENGTH).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> waiting(consumer));
            Duration left = LENGTH.minus(since(stopped));
            if (left.isPositive()) {
                await().during(left).atMost(left.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                        .untilAsserted(() -> waiting(consumer));
            }
        } finally {
            PlatformTestResource.startPostgres();
        }
        return System.nanoTime();
    }

    /** How long ago {@code nanoTime} was. */
    public static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    private static void waiting(String consumer) {
        Management.given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'event-consumers' }.data.'" + consumer + "'", notNullValue());
    }
}
