package dev.salesplatform.lead.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the lead score is computed from. {@code title} and {@code employees} may be unknown (null);
 * {@code now} is passed in so that a score is reproducible.
 */
public record ScoreInput(String title, Integer employees, LeadSource source, List<Activity> activities, Instant now) {

    public ScoreInput {
        Objects.requireNonNull(source, "source");
        activities = List.copyOf(Objects.requireNonNull(activities, "activities"));
        Objects.requireNonNull(now, "now");
    }

    /** Something an SDR did with the lead, and when. */
    public record Activity(ActivityType type, Instant occurredAt) {

        public Activity {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }
}
