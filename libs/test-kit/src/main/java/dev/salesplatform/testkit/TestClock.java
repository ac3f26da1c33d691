package dev.salesplatform.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Arc;

/**
 * The service's {@link Clock} in every {@code @QuarkusTest} (it replaces the kit's system clock).
 * A module whose rules depend on the date pins its whole suite with
 * {@code %test.salesplatform.test-clock.pinned-at=<instant>}; without it, the clock is the system's.
 * A test may pin another instant ({@link #pin}). Pinned time still runs on from the pinned instant, as
 * a real clock does, so that successive writes get successive times; pin at noon and the date stays
 * put for the length of any suite. A test that pins calls {@link #reset()} afterwards.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    /** Time runs on from {@code at}, which it was at {@code nanoTime}; or stands still there when frozen. */
    private record Pin(Instant at, long nanoTime, boolean frozen) {
        Instant now() {
            return frozen ? at : at.plusNanos(System.nanoTime() - nanoTime);
        }
    }

    private static final Clock SYSTEM = Clock.systemUTC();

    private final Instant configured;
    private final AtomicReference<Pin> pinned = new AtomicReference<>();

    public TestClock(@ConfigProperty(name = "salesplatform.test-clock.pinned-at") Optional<String> pinnedAt) {
        configured = pinnedAt.map(Instant::parse).orElse(null);
        reset();
    }

    /** The application's test clock, for static helpers that cannot inject it. */
    public static TestClock current() {
        return Arc.container().instance(TestClock.class).get();
    }

    /** Sets the time to {@code instant}, from where it runs on. */
    public TestClock pin(Instant instant) {
        pinned.set(new Pin(instant, System.nanoTime(), false));
        return this;
    }

    /**
     * Stops time at {@code instant}, e.g. the last millisecond of a day, for reads that must see exactly
     * it. Not for writes: successive changes of one record would get the same time.
     */
    public TestClock freeze(Instant instant) {
        pinned.set(new Pin(instant, System.nanoTime(), true));
        return this;
    }

    /** Sets the time to noon UTC of {@code day}. */
    public TestClock pin(LocalDate day) {
        return pin(day.atTime(LocalTime.NOON).toInstant(ZoneOffset.UTC));
    }

    /** Back to the module's setting: pinned at {@code salesplatform.test-clock.pinned-at}, else the system time. */
    public void reset() {
        if (configured == null) {
            pinned.set(null);
        } else {
            pin(configured);
        }
    }

    public LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        Pin pin = pinned.get();
        return pin != null ? pin.now() : SYSTEM.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone) ? this : new Zoned(this, zone);
    }

    /** This clock's time, seen in another zone. */
    private static final class Zoned extends Clock {
        private final TestClock clock;
        private final ZoneId zone;

        Zoned(TestClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
