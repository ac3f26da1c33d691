package dev.salesplatform.customersuccess.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.salesplatform.customersuccess.domain.ChurnReason;

/** Why a renewal is not renewed: its contract ends. */
@Schema(name = "RenewalChurnRequest", example = "{\"reason\": \"PRICE\", \"note\": \"Budget cut for next year\"}")
public record RenewalChurnRequest(@NotNull ChurnReason reason, @Size(max = 2000) String note) {
}
