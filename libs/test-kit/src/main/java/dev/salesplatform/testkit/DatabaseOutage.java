package dev.salesplatform.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;

/**
 * PostgreSQL away for a while, as in an outage: stopped (sessions end, new connections are refused),
 * then started again with its data. The outage lasts {@link #LENGTH} on purpose, long enough for a
 * consumer to go through its retries and backoff many times over.
 */
public final class DatabaseOutage {

    /** How long the database stays away ({@code -Dsalesplatform.test.outage-seconds}, default 30). */
    public static final Duration LENGTH = Duration.ofSeconds(Long.getLong("salesplatform.test.outage-seconds", 30));

    private DatabaseOutage() {
    }

    /**
     * Stops PostgreSQL, runs {@code whileDown} (e.g. sends the events that must wait), waits until
     * readiness reports {@code consumer} as waiting, keeps the database away until {@link #LENGTH} has
     * passed since it stopped, and starts it again. Answers when it started again.
     */
    public static Instant of(String consumer, Runnable whileDown) {
        Instant stopped = Instant.now();
        PlatformTestResource.stopPostgres();
        try {
            whileDown.run();
            await().atMost(LENGTH.plusSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then()
                            .body("checks.find { it.name == 'event-consumers' }.data.'" + consumer + "'", notNullValue()));
            Duration left = Duration.between(Instant.now(), stopped.plus(LENGTH));
            if (!left.isNegative()) {
                // The outage's length is the point of the test, not a wait for something to happen.
                Thread.sleep(left.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            PlatformTestResource.startPostgres();
        }
        return Instant.now();
    }
}
