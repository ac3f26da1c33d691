package dev.salesplatform.kit.messaging;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record a consumer could not apply, as an admin sees it. */
@Schema(name = "DeadLetter")
public record DeadLetter(
        UUID id,
        @Schema(description = "The consumer that could not apply it") String consumer,
        String topic, int partition, long offset,
        @Schema(description = "ce_id of the event, when the record had one") String eventId,
        @Schema(description = "ce_type of the event, when the record had one") String eventType,
        @Schema(description = "Why it could not be applied (the last attempt)") String reason,
        @Schema(description = "The class of the failure") String exception,
        @Schema(description = "How often it failed: first consumption and each redelivery") int attempts,
        @Schema(description = "When it was first set aside") Instant deadLetteredAt,
        @Schema(description = "When a redelivery applied it; null while it is open") Instant redeliveredAt,
        @Schema(description = "OPEN or REDELIVERED") String status) {
}
