package dev.salesplatform.kit.time;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The one source of business time (createdAt, occurredAt, today's date for renewals and health):
 * every service injects {@link Clock} instead of calling {@code Instant.now()}, so that the rules
 * can be tested on any date. Tests replace it with the test kit's {@code TestClock}.
 */
@Singleton
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
