package dev.salesplatform.analytics.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What /timeseries can count per bucket, each on its event's time. */
public enum TimeSeriesMetric {
    LEADS_CREATED, LEADS_CONTACTED, LEADS_QUALIFIED, LEADS_HANDED_OFF, DEALS_CREATED, DEALS_WON, DEALS_LOST,
    /** Final amounts of won deals, in one currency. */
    REVENUE_WON;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean money() {
        return this == REVENUE_WON;
    }

    public static Optional<TimeSeriesMetric> fromParameter(String value) {
        return Arrays.stream(values()).filter(m -> m.parameter().equals(value)).findFirst();
    }

    public static String documented() {
        return Arrays.stream(values()).map(TimeSeriesMetric::parameter).collect(Collectors.joining(", "));
    }
}
