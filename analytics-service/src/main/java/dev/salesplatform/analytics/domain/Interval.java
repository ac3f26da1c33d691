package dev.salesplatform.analytics.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Bucket size of a time series; weeks start on Monday, all in UTC. */
public enum Interval {
    DAY, WEEK, MONTH;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Interval> fromParameter(String value) {
        return Arrays.stream(values()).filter(i -> i.parameter().equals(value)).findFirst();
    }
}
