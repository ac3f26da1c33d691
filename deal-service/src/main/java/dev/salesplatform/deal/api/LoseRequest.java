package dev.salesplatform.deal.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.deal.domain.LostReason;

/** Loses a deal, saying why and, optionally, to whom. */
@Schema(name = "Lose", example = "{\"reason\": \"COMPETITOR\", \"competitor\": \"Difference Engines Inc\"}")
public record LoseRequest(@NotNull LostReason reason, @Size(max = 200) String competitor) {
}
