package dev.salesplatform.lead.domain;

import java.util.List;
import java.util.Objects;

/** A lead's score from 0 to 100 and the reasons that add up to it, in the order the rule lists its factors. */
public record LeadScore(int value, List<ScoreReason> reasons) {

    public LeadScore {
        reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
    }
}
