package dev.salesplatform.deal.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The documented orders of the deal list; {@code -} means descending. Ties break on the id; deals
 * without an expected close date come last in both directions.
 */
public enum DealSort {
    NEWEST("-createdAt"), OLDEST("createdAt"), LARGEST("-amount"), SMALLEST("amount"),
    CLOSING_FIRST("expectedCloseDate"), CLOSING_LAST("-expectedCloseDate");

    private final String parameter;

    DealSort(String parameter) {
        this.parameter = parameter;
    }

    public boolean descending() {
        return parameter.startsWith("-");
    }

    /** The deal field sorted on. */
    public String field() {
        return descending() ? parameter.substring(1) : parameter;
    }

    public static Optional<DealSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }

    public static String documented() {
        return Arrays.stream(values()).map(sort -> sort.parameter).collect(Collectors.joining(", "));
    }
}
