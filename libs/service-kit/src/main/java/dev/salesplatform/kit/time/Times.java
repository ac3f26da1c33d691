package dev.salesplatform.kit.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Business time read from a {@link Clock}, at the precision PostgreSQL stores (microseconds), in UTC. */
public final class Times {

    private Times() {
    }

    /** Now, truncated to microseconds, so that what is returned equals what reads back from the database. */
    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Today's date in UTC. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
