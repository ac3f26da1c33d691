package dev.salesplatform.lead.api;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.lead.domain.ActivityType;

/** Something the SDR did; {@code occurredAt} defaults to now and may not lie in the future. */
@Schema(name = "Activity", example = """
        {"type": "CALL", "outcome": "Connected, interested", "notes": "Call back Tuesday",
         "occurredAt": "2026-11-29T10:15:00Z"}""")
public record ActivityRequest(
        @NotNull ActivityType type,
        @Size(max = 200) String outcome,
        @Size(max = 5000) String notes,
        Instant occurredAt) {
}
