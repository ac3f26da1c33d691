package dev.salesplatform.lead.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.salesplatform.lead.domain.DisqualifyReason;

public record DisqualifyRequest(@NotNull DisqualifyReason reason, @Size(max = 2000) String note) {
}
