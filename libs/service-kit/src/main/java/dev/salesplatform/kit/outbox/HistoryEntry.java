package dev.salesplatform.kit.outbox;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a record's history: which event, who, when, and what it carried (without the envelope fields). */
@Schema(name = "HistoryEntry")
public record HistoryEntry(UUID eventId, String type, String actorId, Instant occurredAt,
                           @Schema(description = "The event's payload, as in the event catalogue") JsonNode data) {
}
