package dev.salesplatform.analytics.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The latest rebuild of the projections from the event log, and the schema readers use. */
public record RebuildView(State state, UUID id, Instant startedAt, Instant finishedAt, Long recordsTotal,
                          Long recordsDone, Long recordsSkipped, List<String> skipReasons, String activeSchema,
                          String error) {

    public enum State {
        NEVER, RUNNING, COMPLETED, FAILED
    }
}
