package dev.salesplatform.lead.domain;

import java.util.Arrays;
import java.util.Optional;

/** The documented orders of the lead list; {@code -} means descending. Ties break on the id. */
public enum LeadSort {
    NEWEST("-createdAt"), OLDEST("createdAt"), HIGHEST_SCORE("-score"), LOWEST_SCORE("score");

    private final String parameter;

    LeadSort(String parameter) {
        this.parameter = parameter;
    }

    public boolean descending() {
        return parameter.startsWith("-");
    }

    public boolean byScore() {
        return this == HIGHEST_SCORE || this == LOWEST_SCORE;
    }

    public static Optional<LeadSort> fromParameter(String value) {
        return Arrays.stream(values()).filter(sort -> sort.parameter.equals(value)).findFirst();
    }
}
