package dev.salesplatform.lead.domain;

import java.util.Objects;

/** One factor's contribution to a lead score: a stable code for machines, points, and a detail for the salesperson. */
public record ScoreReason(String code, int points, String detail) {

    public ScoreReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }
}
