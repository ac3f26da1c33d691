package dev.salesplatform.analytics.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The latest rebuild of the projections from the event log. */
@Schema(name = "RebuildStatus")
public record RebuildStatus(
        @Schema(description = "NEVER, RUNNING, COMPLETED or FAILED") String state,
        UUID id, Instant startedAt, Instant finishedAt,
        @Schema(description = "Records to replay (all partitions of every topic, up to their end when the rebuild started)")
        Long recordsTotal,
        Long recordsDone,
        @Schema(description = "Records the rebuild could not apply and skipped (they were dead-lettered when first consumed)")
        Long recordsSkipped,
        @Schema(description = "Why the first skipped records could not be applied (at most 10)")
        List<String> skipReasons,
        @Schema(description = "The projection schema readers use") String activeSchema,
        String error) {
}
