package dev.salesplatform.analytics.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How /conversion groups the cohort: by lead source (marketing attribution), owner, week or month. */
public enum ConversionGroup {
    SOURCE, OWNER, WEEK, MONTH;

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ConversionGroup> fromParameter(String value) {
        return Arrays.stream(values()).filter(group -> group.parameter().equals(value)).findFirst();
    }
}
